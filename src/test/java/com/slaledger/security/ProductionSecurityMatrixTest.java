package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.ProductionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The security matrix against the {@code prod} configuration, plus what only production closes: every
 * path under {@code /q} but health, including suffixes ({@code /q/openapi.json}) and tools no rule names.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionSecurityMatrixTest extends SecurityMatrixTest {

    @Test
    void anonymousCallersReachOnlyHealthUnderQ() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/q/openapi", "/q/openapi.json", "/q/openapi.yaml", "/q/openapi.yml",
                "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/index.html", "/q/metrics", "/q/dev-ui",
                "/q/info", "/q/no-such-tool", "/q", "/q/")) {
            int status = given().auth().none().redirects().follow(false).when().get(path).statusCode();
            if (status != 401 && status != 302) {
                wrong.add("anonymous GET " + path + " -> " + status);
            }
        }
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready")) {
            int status = given().auth().none().when().get(path).statusCode();
            if (status != 200) {
                wrong.add("anonymous GET " + path + " -> " + status);
            }
        }
        assertEquals(List.of(), wrong);
        // signed in, the document is there (the matrix above reads it too)
        given().when().get("/q/openapi.json").then().statusCode(200);
    }
}
