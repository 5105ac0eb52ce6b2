package tr.kopru.declaration.domain;

import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static tr.kopru.declaration.domain.ScalarRule.BOOLEAN;
import static tr.kopru.declaration.domain.ScalarRule.CURRENCY;
import static tr.kopru.declaration.domain.ScalarRule.DATE;
import static tr.kopru.declaration.domain.ScalarRule.INSTANT;
import static tr.kopru.declaration.domain.ScalarRule.INTEGER;
import static tr.kopru.declaration.domain.ScalarRule.NON_BLANK_TEXT;
import static tr.kopru.declaration.domain.ScalarRule.NON_NEGATIVE_NUMBER;
import static tr.kopru.declaration.domain.ScalarRule.TEXT;
import static tr.kopru.declaration.domain.ScalarRule.URL;

/**
 * The request body of the customs API's declaration update (İstek Gövdesi), field by field, with the code table
 * each coded field takes its values from. Countries have no table in the document (and its example gives code
 * {@code F01} two names), so a country's name is sent as given.
 */
public final class DeclarationRules {

    private static final FieldRule COUNTRY = new ObjectRule(Map.of("code", NON_BLANK_TEXT, "name", TEXT));

    private static final FieldRule FILE = new ObjectRule(Map.of("id", TEXT, "name", NON_BLANK_TEXT, "url", URL,
            "type", TEXT, "hash", TEXT, "size", NON_NEGATIVE_NUMBER, "created_at", INSTANT), Set.of("name", "url"));

    private static final FieldRule SENDER = new ObjectRule(Map.of("id", TEXT, "name", TEXT,
            "tax_identification_number", new TaxIdRule(true), "address", TEXT, "country", COUNTRY,
            "type", new CodeRule(CodeTables.AUTHORISED_TYPES), "is_default", BOOLEAN));

    private static final FieldRule RECEIVER = new ObjectRule(Map.of("name", TEXT,
            "tax_identification_number", new TaxIdRule(true), "address", TEXT, "country", COUNTRY,
            "type", new CodeRule(CodeTables.AUTHORISED_TYPES), "is_auto_generated", BOOLEAN));

    private static final FieldRule FINANCIAL_OFFICER = new ObjectRule(Map.of("name", TEXT, "surname", TEXT,
            "tax_identification_number", new TaxIdRule(false),
            "type", new CodeRule(CodeTables.FINANCIAL_OFFICER_TYPES)));

    private static final FieldRule REPRESENTATIVE = new ObjectRule(Map.of("name", TEXT, "surname", TEXT,
            "address", TEXT, "tax_identification_number", new TaxIdRule(false),
            "type", new CodeRule(CodeTables.REPRESENTATIVE_TYPES)));

    private static final FieldRule E_INVOICE = new ObjectRule(Map.of("file", FILE, "invoice_no", TEXT, "date", DATE,
            "amount", NON_NEGATIVE_NUMBER, "currency", CURRENCY, "type", INTEGER, "company", TEXT,
            "vkn", new TaxIdRule(false)));

    private static final FieldRule APPROVER = new ObjectRule(Map.of("type", new CodeRule(CodeTables.APPROVER_TYPES),
            "name", TEXT, "surname", TEXT, "title", TEXT, "registration_number", TEXT, "address", TEXT));

    private static final FieldRule PREVIOUS_DECLARATION = new ObjectRule(Map.of("is_regime_applied", BOOLEAN,
            "date", DATE, "reference_code", TEXT,
            "entire_transport_document", new CodeRule(CodeTables.TRANSPORT_DOCUMENT_INTEGRITY),
            "is_item_in_package", BOOLEAN, "is_any_other_regime_will_open", BOOLEAN,
            "entry_of_transport_document", new CodeRule(CodeTables.TRANSPORT_DOCUMENT_ENTRY),
            "transport_document_no", TEXT));

    private static final FieldRule LOGISTIC = new ObjectRule(Map.ofEntries(entry("is_container", BOOLEAN),
            entry("in_border_carrier_type", new CodedNameRule(CodeTables.CARRIER_TYPES)),
            entry("internal_carrier_type", new CodedNameRule(CodeTables.CARRIER_TYPES)),
            entry("loading_or_unloading_area", TEXT), entry("customs_administration_name", TEXT),
            entry("product_control_area_name", TEXT), entry("antrepo_code", TEXT),
            entry("first_arrival_or_last_shipment_country", COUNTRY)));

    private static final FieldRule TRANSPORT_VEHICLE = new ObjectRule(Map.of(
            "vehicle_information_type", new CodeRule(CodeTables.VEHICLE_INFORMATION_TYPES),
            "vehicle_information", TEXT, "vehicle_information_country", COUNTRY));

    private static final FieldRule BORDER_CROSSING_VEHICLE = new ObjectRule(Map.of(
            "vehicle_type", new CodeRule(CodeTables.VEHICLE_TYPES),
            "vehicle_information_type", new CodeRule(CodeTables.VEHICLE_INFORMATION_TYPES),
            "vehicle_information", TEXT, "vehicle_registration_country", COUNTRY));

    /** The whole body: every field optional, as the document says. */
    public static final ObjectRule DECLARATION = new ObjectRule(Map.ofEntries(
            entry("senders", new ArrayRule(SENDER)),
            entry("receiver", RECEIVER),
            entry("financial_officer", FINANCIAL_OFFICER),
            entry("representative", REPRESENTATIVE),
            entry("operation_type", new CodeRule(CodeTables.OPERATION_TYPES)),
            entry("incoterms", new ObjectRule(Map.of("code", new CodeRule(CodeTables.INCOTERMS),
                    "delivery_place", TEXT))),
            entry("insurance", new ObjectRule(Map.of("insurance_documents", new ArrayRule(FILE),
                    "policy_documents", new ArrayRule(FILE)))),
            entry("invoices", new ObjectRule(Map.of("other_invoices", new ArrayRule(FILE),
                    "e_invoices", new ArrayRule(E_INVOICE)))),
            entry("transaction_attribute_code", new CodeRule(CodeTables.TRANSACTION_ATTRIBUTES)),
            entry("shipment_reference_number", TEXT),
            entry("approver", APPROVER),
            entry("previous_declaration", PREVIOUS_DECLARATION),
            entry("logistic", LOGISTIC),
            entry("transport_vehicle_information", TRANSPORT_VEHICLE),
            entry("border_crossing_vehicle_information", BORDER_CROSSING_VEHICLE),
            entry("source_country", COUNTRY),
            entry("shipment_or_export_country", COUNTRY),
            entry("target_country", COUNTRY)));

    private DeclarationRules() {
    }
}
