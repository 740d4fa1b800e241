package com.slaledger.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceCalendarResourceTest {

    private static RequestSpecification api() {
        return given().contentType(ContentType.JSON);
    }

    private static Map<String, String> range(String day, String from, String to) {
        return Map.of("day", day, "from", from, "to", to);
    }

    private static Map<String, Object> calendar(String key, List<Map<String, String>> ranges) {
        Map<String, Object> body = new HashMap<>();
        body.put("key", key);
        body.put("name", "Calendar " + key);
        body.put("weeklyHours", ranges);
        return body;
    }

    @Test
    void createsReadsReplacesAndDeletesACalendar() {
        String key = TestData.uniqueKey("cal");
        Map<String, Object> body = calendar(key, List.of(range("friday", "13:00", "17:00"),
                range("MONDAY", "08:00", "12:00"), range("MONDAY", "12:00", "18:00"), range("SATURDAY", "22:00",
                        "24:00")));
        body.put("holidayCountry", "de");
        body.put("holidaySubdivision", "BY");
        body.put("customHolidays", List.of("2024-12-24", "2024-12-31", "2024-12-24"));
        api().body(body).post("/api/service-calendars").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/service-calendars/" + key))
                // ordered by weekday and start; codes normalised; repeated dates once, ascending
                .body("weeklyHours.day", contains("MONDAY", "MONDAY", "FRIDAY", "SATURDAY"))
                .body("weeklyHours.from", contains("08:00", "12:00", "13:00", "22:00"))
                .body("weeklyHours.to", contains("12:00", "18:00", "17:00", "24:00"))
                .body("holidayCountry", equalTo("DE"))
                .body("holidaySubdivision", equalTo("by"))
                .body("customHolidays", contains("2024-12-24", "2024-12-31"))
                // 4 h + 6 h + 4 h + 2 h = 16 h = 57,600 s
                .body("weeklyServiceSeconds", equalTo(57600));

        api().get("/api/service-calendars/" + key).then().statusCode(200).body("name", equalTo("Calendar " + key));
        api().get("/api/service-calendars").then().statusCode(200).body("key", hasItem(key));

        Map<String, Object> replaced = calendar(key, List.of(range("TUESDAY", "09:00", "17:00")));
        api().body(replaced).put("/api/service-calendars/" + key).then().statusCode(200)
                .body("weeklyHours.day", contains("TUESDAY"))
                .body("holidayCountry", equalTo(null))
                .body("customHolidays", org.hamcrest.Matchers.empty())
                .body("weeklyServiceSeconds", equalTo(28800));

        api().delete("/api/service-calendars/" + key).then().statusCode(204);
        api().get("/api/service-calendars/" + key).then().statusCode(404);
    }

    /**
     * A calendar's name is listed on the pages and in contracts' reports: a right-to-left override would make it
     * read as another, half a surrogate pair cannot be written; each is refused, on creation and replacement,
     * naming {@code name} and leaving the calendar as it was. Hebrew letters and an emoji are kept.
     */
    @Test
    void aNameWithABidiControlOrHalfASurrogateIsRefusedAndHebrewWithAnEmojiKept() {
        String key = TestData.uniqueKey("cal-bidi");
        Map<String, Object> body = calendar(key, List.of(range("MONDAY", "08:00", "18:00")));
        body.put("name", "Attack \u202e cal");
        api().body(body).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", contains("name"))
                .body("violations[0].message", equalTo("must not contain bidirectional control characters "
                        + "(U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)"));
        api().get("/api/service-calendars/" + key).then().statusCode(404);

        String fine = "\u05DC\u05D5\u05D7 \uD83D\uDCC5";
        body.put("name", fine);
        api().body(body).post("/api/service-calendars").then().statusCode(201).body("name", equalTo(fine));
        body.put("name", "Attack \u202e cal");
        api().body(body).put("/api/service-calendars/" + key).then().statusCode(400)
                .body("violations.field", contains("name"));
        // half a pair only travels as a JSON escape: written into the body as it is
        api().body("{\"name\":\"Half \\uDE00\",\"weeklyHours\":[{\"day\":\"MONDAY\",\"from\":\"08:00\","
                + "\"to\":\"18:00\"}]}").put("/api/service-calendars/" + key).then().statusCode(400)
                .body("violations.field", contains("name"))
                .body("violations[0].message",
                        equalTo("must not contain an unpaired UTF-16 surrogate (half a character)"));
        api().get("/api/service-calendars/" + key).then().statusCode(200).body("name", equalTo(fine));
    }

    @Test
    void aCalendarNamedByAContractCannotBeDeletedAndAnUnknownOneCannotBeNamed() {
        String key = TestData.uniqueKey("cal-used");
        api().body(calendar(key, List.of(range("MONDAY", "08:00", "18:00")))).post("/api/service-calendars")
                .then().statusCode(201);
        String service = Fixtures.service("cal-used");
        String client = Fixtures.client("cal-used", "UTC");
        Map<String, Object> contract = new HashMap<>(Map.of("effectiveFrom", "2024-01-01",
                "coveredServices", List.of(service), "targetPercent", new BigDecimal("99.9"),
                "monthlyFee", Map.of("amount", "10.00", "currency", "EUR"), "serviceCalendar", "no-such-calendar"));
        api().body(contract).post("/api/clients/" + client + "/contracts").then().statusCode(400)
                .body("violations.field", hasItem("serviceCalendar"));
        contract.put("serviceCalendar", key);
        long id = api().body(contract).post("/api/clients/" + client + "/contracts").then().statusCode(201)
                .body("serviceCalendar", equalTo(key)).extract().jsonPath().getLong("id");

        // finance edits fees only: dropping the calendar is an admin's change
        contract.remove("serviceCalendar");
        TestUsers.withRole(Role.FINANCE).given().contentType(ContentType.JSON).body(contract)
                .put("/api/contracts/" + id).then().statusCode(403)
                .body("violations.field", hasItem("serviceCalendar"));

        api().delete("/api/service-calendars/" + key).then().statusCode(409);
        api().get("/api/service-calendars/" + key).then().statusCode(200);
    }

    @Test
    void hostileCalendarsAreProblemsNamingEachField() {
        String key = TestData.uniqueKey("cal-bad");
        Map<String, Object> bad = calendar(key, List.of(range("FUNDAY", "08:00", "18:00"),
                range("MONDAY", "8am", "25:00"), range("TUESDAY", "18:00", "08:00"),
                range("WEDNESDAY", "08:00", "12:00"), range("WEDNESDAY", "11:00", "13:00")));
        bad.put("holidayCountry", "XX");
        api().body(bad).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", hasItems("weeklyHours[0].day", "weeklyHours[1].from", "weeklyHours[1].to",
                        "weeklyHours[2].to", "weeklyHours[4]", "holidayCountry"));

        Map<String, Object> subdivisionAlone = calendar(key, List.of(range("MONDAY", "08:00", "18:00")));
        subdivisionAlone.put("holidaySubdivision", "by");
        api().body(subdivisionAlone).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", hasItem("holidaySubdivision"));

        Map<String, Object> unknownSubdivision = calendar(key, List.of(range("MONDAY", "08:00", "18:00")));
        unknownSubdivision.put("holidayCountry", "DE");
        unknownSubdivision.put("holidaySubdivision", "atlantis");
        api().body(unknownSubdivision).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", hasItem("holidaySubdivision"));

        Map<String, Object> manyHolidays = calendar(key, List.of(range("MONDAY", "08:00", "18:00")));
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            dates.add(LocalDate.of(2000, 1, 1).plusDays(i).toString());
        }
        manyHolidays.put("customHolidays", dates);
        api().body(manyHolidays).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", hasItem("customHolidays"));

        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 71; i++) {
            tooMany.add(range("MONDAY", "08:00", "09:00"));
        }
        api().body(calendar(key, tooMany)).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", hasItem("weeklyHours"));
        api().body(calendar(key, List.of())).post("/api/service-calendars").then().statusCode(400)
                .body("violations.field", hasItem("weeklyHours"));
        api().body(calendar("Not A Key", List.of(range("MONDAY", "08:00", "18:00")))).post("/api/service-calendars")
                .then().statusCode(400).body("violations.field", hasItem("key"));

        // nothing was written
        api().get("/api/service-calendars/" + key).then().statusCode(404);
    }
}
