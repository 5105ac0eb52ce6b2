package tr.kopru.runtime.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address block in CIDR notation ({@code 10.1.0.0/16}); a bare address is a block of one. */
public record IpRange(byte[] network, int prefixLength, String text) {

    private static final Pattern ADDRESS_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    public static IpRange parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        byte[] address = literal(parts[0], cidr);
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("Not a CIDR block: " + cidr);
        }
        return new IpRange(address, prefix, cidr.trim());
    }

    public boolean contains(String ip) {
        byte[] address;
        try {
            address = literal(ip, ip);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** Parses an address literal only; never resolves a host name. */
    private static byte[] literal(String address, String context) {
        String trimmed = address.trim();
        if (!ADDRESS_CHARACTERS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Not an IP address: " + context);
        }
        try {
            return InetAddress.getByName(trimmed).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + context, e);
        }
    }
}
