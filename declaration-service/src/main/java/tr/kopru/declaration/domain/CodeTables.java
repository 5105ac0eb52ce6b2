package tr.kopru.declaration.domain;

import java.util.List;
import java.util.Optional;

/** The code tables of the customs declaration document (Kod Tipleri), as the document gives them. */
public final class CodeTables {

    public static final CodeTable REPRESENTATIVE_TYPES = CodeTable.numeric("representative-types", "Temsilci Tipleri",
            1, "Beyanname Sahibi", 2, "Şirket ve Yasal Temsilci", 3, "Yasal Temsilci");

    public static final CodeTable FINANCIAL_OFFICER_TYPES = CodeTable.numeric("financial-officer-types",
            "Mali Müşavir Tipleri", 1, "SMMM", 2, "YMM", 3, "Bağımsız Denetçi");

    public static final CodeTable OPERATION_TYPES = CodeTable.text("operation-types", "İşlem Tipleri",
            "EU", "Transit", "AN", "Antrepo", "EX", "İhracat", "IM", "İthalat");

    /** Senders and the receiver: a company or a person. */
    public static final CodeTable AUTHORISED_TYPES = CodeTable.numeric("authorised-types", "Yetkili Tipleri",
            1, "Şirket", 2, "Kişi");

    public static final CodeTable INCOTERMS = CodeTable.text("incoterms", "Incoterms Kodları",
            "CF", "Maliyet ve Navlun", "CFR", "Maliyet ve Navlun", "CI", "Maliyet ve Sigorta",
            "CIF", "Maliyet, Sigorta ve Navlun", "CIP", "Taşıma ve Sigorta Ödenmiş Olarak",
            "CPT", "Taşıma Ödenmiş Olarak", "DAF", "Sınırda Teslim", "DAP", "Belirtilen Yerde Teslim",
            "DAT", "Terminalde Teslim", "DDP", "Gümrük Resmi Ödenmiş Olarak Teslim",
            "DDU", "Gümrük Resmi Ödenmemiş Olarak Teslim", "DEQ", "Rıhtımda Teslim", "DES", "Gemide Teslim",
            "DPU", "Boşaltılmış Olarak Teslim", "EXQ", "Rıhtımda Teslim", "EXS", "Gemide Teslim",
            "EXW", "İşyerinde Teslim", "FAS", "Gemi Doğrultusunda Teslim", "FCA", "Taşıyıcıya Teslim",
            "FOA", "Uçakta Teslim", "FOB", "Gemide Teslim", "FOR", "Trende Teslim", "FOT", "Kamyonda Teslim",
            "XXX", "Diğer");

    public static final CodeTable TRANSACTION_ATTRIBUTES = CodeTable.numeric("transaction-attributes",
            "İşlem Özellik Kodları", 7, "Normal", 8, "İade", 9, "Farklı Beyanname ile İade", 11, "Normal",
            12, "İade", 13, "Farklı Beyanname ile İade", 14, "Normal", 15, "İade", 21, "Normal", 22, "İade",
            23, "Farklı Beyanname ile İade", 31, "Normal", 32, "İade", 33, "Farklı Beyanname ile İade", 34, "Normal",
            41, "Normal", 42, "İade", 43, "Farklı Beyanname ile İade", 51, "Normal", 52, "İade",
            53, "Farklı Beyanname ile İade", 61, "Normal", 62, "İade");

    public static final CodeTable APPROVER_TYPES = CodeTable.numeric("approver-types", "Onaylayıcı Tipleri",
            1, "Temsilci", 2, "Tüzel Kişi", 3, "Gümrük Müşaviri");

    public static final CodeTable VEHICLE_INFORMATION_TYPES = CodeTable.text("vehicle-information-types",
            "Araç Bilgi Tipleri", "registration_number", "Ruhsat Numarası", "name", "İsim", "plate", "Plaka");

    public static final CodeTable VEHICLE_TYPES = CodeTable.text("vehicle-types", "Araç Tipleri",
            "vehicle", "Araç", "train", "Tren", "plane", "Uçak", "ship", "Gemi");

    public static final CodeTable TRANSPORT_DOCUMENT_ENTRY = CodeTable.text("transport-document-entry",
            "Taşıma Belgesi Girişi", "single", "Tekli", "multiple", "Çoklu");

    public static final CodeTable TRANSPORT_DOCUMENT_INTEGRITY = CodeTable.text("transport-document-integrity",
            "Taşıma Belgesi Bütünlüğü", "entire", "Tam", "partial", "Kısmi");

    public static final CodeTable CARRIER_TYPES = CodeTable.numeric("carrier-types", "Taşıma Tipi Kodları",
            10, "Karayolu Taşımacılığı", 12, "Karayolu Taşımacılığı", 16, "Karayolu Taşımacılığı",
            17, "Karayolu Taşımacılığı", 18, "Karayolu Taşımacılığı", 20, "Demiryolu Taşımacılığı",
            23, "Demiryolu Taşımacılığı", 30, "Havayolu Taşımacılığı", 31, "Havayolu Taşımacılığı",
            40, "Denizyolu Taşımacılığı", 50, "Denizyolu Taşımacılığı", 70, "Denizyolu Taşımacılığı",
            80, "Denizyolu Taşımacılığı", 90, "Denizyolu Taşımacılığı");

    public static final List<CodeTable> ALL = List.of(REPRESENTATIVE_TYPES, FINANCIAL_OFFICER_TYPES, OPERATION_TYPES,
            AUTHORISED_TYPES, INCOTERMS, TRANSACTION_ATTRIBUTES, APPROVER_TYPES, VEHICLE_INFORMATION_TYPES,
            VEHICLE_TYPES, TRANSPORT_DOCUMENT_ENTRY, TRANSPORT_DOCUMENT_INTEGRITY, CARRIER_TYPES);

    private CodeTables() {
    }

    public static Optional<CodeTable> named(String name) {
        return ALL.stream().filter(table -> table.name().equals(name)).findFirst();
    }
}
