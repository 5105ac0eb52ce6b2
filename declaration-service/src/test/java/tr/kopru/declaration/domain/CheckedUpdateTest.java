package tr.kopru.declaration.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyTheFieldsSetAreKeptAndAnExplicitNullStaysNull() throws Exception {
        Findings findings = new Findings();
        CheckedUpdate update = CheckedUpdate.check(JSON.readTree("""
                {"representative": null, "incoterms": {"code": "CIF"}}"""), findings);
        assertThat(findings.hasErrors()).isFalse();
        assertThat(update.fields()).containsExactly("representative", "incoterms");
        assertThat(update.body().get("representative").isNull()).isTrue();
        assertThat(update.body().path("incoterms").has("delivery_place")).isFalse();
    }

    @Test
    void aCodedNameIsFilledFromItsTableAndAContradictingOneIsAWarning() throws Exception {
        Findings findings = new Findings();
        CheckedUpdate update = CheckedUpdate.check(JSON.readTree("""
                {"logistic": {"in_border_carrier_type": {"code": 40},
                              "internal_carrier_type": {"code": 30, "name": "havayolu taşımacılığı"},
                              "loading_or_unloading_area": "A"}}"""), findings);
        assertThat(findings.hasErrors()).isFalse();
        assertThat(update.body().path("logistic").path("in_border_carrier_type").path("name").asText())
                .isEqualTo("Denizyolu Taşımacılığı");
        // The same name in other letter case (Turkish rules) is not a contradiction.
        assertThat(update.warnings()).isEmpty();

        Findings contradicted = new Findings();
        CheckedUpdate.check(JSON.readTree("{\"logistic\": {\"internal_carrier_type\": {\"code\": 30, \"name\": \"Gemi\"}}}"),
                contradicted);
        assertThat(contradicted.warnings()).singleElement()
                .satisfies(w -> assertThat(w.path()).isEqualTo("logistic.internal_carrier_type.name"));
    }

    @Test
    void aForeignPartyMayHaveAForeignTaxNumberButAnOfficerMayNot() throws Exception {
        Findings findings = new Findings();
        CheckedUpdate.check(JSON.readTree("""
                {"receiver": {"tax_identification_number": "GB123456789"},
                 "financial_officer": {"tax_identification_number": "GB123456789"}}"""), findings);
        assertThat(findings.errors()).containsOnlyKeys("financial_officer.tax_identification_number");
    }

    @Test
    void everyCodeTableOfTheDocumentIsThere() {
        assertThat(CodeTables.ALL).hasSize(12);
        assertThat(CodeTables.INCOTERMS.codes()).hasSize(24);
        assertThat(CodeTables.TRANSACTION_ATTRIBUTES.codes()).hasSize(23);
        assertThat(CodeTables.CARRIER_TYPES.find("90")).map(CodeTable.Code::description)
                .contains("Denizyolu Taşımacılığı");
    }

    @Test
    void theDiffNamesTheLeavesThatChanged() throws Exception {
        JsonNode before = JSON.readTree("{\"a\": 1, \"o\": {\"x\": 1, \"y\": 2}, \"l\": [1]}");
        JsonNode after = JSON.readTree("{\"a\": 1, \"o\": {\"x\": 1}, \"l\": [1, 2], \"n\": null}");
        assertThat(DeclarationDiff.changedPaths(before, after)).containsExactly("o.y", "l", "n");
    }
}
