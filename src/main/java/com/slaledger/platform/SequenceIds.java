package com.slaledger.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids for rows written with plain JDBC beside the ORM, taken from the same sequences in the ORM's own
 * convention, so both writers can run side by side without collisions: the sequences step by
 * {@value #BLOCK} and Quarkus' default optimizer is {@code pooled-lo}, where a {@code nextval} of v
 * reserves v to v + 49 (Hibernate ORM user guide, "Identifier generators: pooled-lo").
 */
public final class SequenceIds {

    /** The increment of every id sequence of the schema and the entities' allocation size. */
    public static final int BLOCK = 50;

    private SequenceIds() {
    }

    /** {@code count} fresh ids from {@code sequence} (a name of the schema, never user input), ascending per block. */
    public static List<Long> take(Connection connection, String sequence, int count) throws SQLException {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement next = connection.prepareStatement(
                "select nextval('" + sequence + "') from generate_series(1, ?)")) {
            next.setInt(1, blocks);
            try (ResultSet rows = next.executeQuery()) {
                while (rows.next()) {
                    long low = rows.getLong(1);
                    for (long id = low; id < low + BLOCK && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }
}
