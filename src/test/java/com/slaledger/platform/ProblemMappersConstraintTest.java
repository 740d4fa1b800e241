package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A database rule broken by a race is answered as a 409 naming the field, as the check before it would have. */
class ProblemMappersConstraintTest {

    @Test
    void aContractNamingACalendarDeletedMeanwhileNamesServiceCalendar() {
        // a contract insert racing an admin's delete of its calendar: the check saw the calendar, the foreign key
        // did not (seen with 30 parallel create/delete pairs on the API: 2 such answers named no field)
        var broken = new org.hibernate.exception.ConstraintViolationException("insert into contract",
                new SQLException("violates foreign key constraint", "23503"), "contract_service_calendar_key_fkey");
        Response response = new ProblemMappers().databaseConstraint(broken, null);
        assertEquals(409, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("serviceCalendar names a service calendar that was deleted meanwhile", problem.detail());
        assertEquals(List.of(new Problem.FieldViolation("serviceCalendar",
                "names a service calendar that was deleted meanwhile")), problem.violations());
    }
}
