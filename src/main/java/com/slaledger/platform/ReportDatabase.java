package com.slaledger.platform;

import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the heavy report reads go: the {@value #NAME} datasource (a PostgreSQL streaming hot standby) when
 * {@code SLA_LEDGER_REPORTS_JDBC_URL} configures it, otherwise nowhere else than the primary.
 *
 * <p>The datasource is a Quarkus named datasource that is inactive while it has no JDBC URL (Quarkus guide
 * "Configure data sources", "Activate or deactivate datasources"): unconfigured, no second pool is created
 * and every read stays on the primary, in the caller's transaction, exactly as without this class. Its
 * connections take no part in JTA transactions ({@code jdbc.transactions=disabled}): a reader opens its own
 * read-only transaction on it and ends it itself. Writes and the idempotency look-ups of ingest never come
 * here; a report read from it may lag the primary by the standby's replay delay (docs/scaling.md).
 */
@ApplicationScoped
public class ReportDatabase {

    /** The name of the reports datasource in the configuration ({@code quarkus.datasource.reports.*}). */
    public static final String NAME = "reports";

    /** The reports datasource if configured; empty means read from the primary. */
    public Optional<DataSource> replica() {
        return AgroalDataSourceUtil.dataSourceIfActive(NAME).map(DataSource.class::cast);
    }
}
