package tr.kopru.simulator.flexcity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records a FlexCity institution holds. */
final class FlexCityModel {

    private FlexCityModel() {
    }

    record Desk(long id, String name, String password, String receiptSerial) {
    }

    record Taxpayer(long id, String name, String nationalId, String taxNumber, String fatherName, String motherName,
                    String birthPlace, LocalDate birthDate) {
    }

    record Declaration(long id, long taxpayerId, String address, String installationNo, long serviceId,
                       LocalDate declaredOn) {
    }

    /** One debt line; lines of one declaration, year and period share an invoice number. */
    record Accrual(long id, long declarationId, long taxpayerId, long serviceId, String serviceName,
                   long incomeCodeId, String incomeCodeName, int year, int period, LocalDate accruedOn,
                   LocalDate dueDate, BigDecimal amount, String invoiceNumber) {
    }

    record Subscriber(String subscriberNo, String regionId, long taxpayerId, long declarationId,
                      String oldSubscriberNo, String oldRegistryNo) {
    }

    record Merge(LocalDate date, long oldTaxpayerId, long newTaxpayerId, long declarationId, String status) {
    }

    record ReceiptLine(String serviceName, String incomeCodeName, int year, int period, BigDecimal amount,
                       String invoiceNumber, long declarationId, long taxpayerId, Long accrualId, LocalDate dueDate) {
    }

    /** A booked collection; {@code cancelledOn} is set once cancelled. */
    record Collection(long id, String transactionNo, long deskId, String invoiceNumber, String payerName,
                      BigDecimal amount, LocalDate collectionDate, Instant bookedAt, String receiptSerial,
                      long receiptNo, List<ReceiptLine> lines, LocalDate cancelledOn) {

        Collection cancel(LocalDate on) {
            return new Collection(id, transactionNo, deskId, invoiceNumber, payerName, amount, collectionDate,
                    bookedAt, receiptSerial, receiptNo, lines, on);
        }

        boolean cancelled() {
            return cancelledOn != null;
        }
    }
}
