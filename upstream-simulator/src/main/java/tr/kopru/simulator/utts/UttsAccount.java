package tr.kopru.simulator.utts;

/**
 * One service company's UTTS login and the installations it sees.
 *
 * @param index         position among the accounts; keeps row ids of different accounts apart
 * @param installations how many installations exist at generation 0
 */
public record UttsAccount(int index, String email, String password, String companyName, long installations) {
}
