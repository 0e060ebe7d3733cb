package org.participe.accounts.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Whom a sign-in limit counts: an IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber usually holds a whole /64, and could otherwise take a fresh address per guess).
 */
final class ClientNetwork {

    static final String UNKNOWN = "unknown";
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private ClientNetwork() {
    }

    static String of(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN;
        }
        String trimmed = address.strip();
        if (trimmed.indexOf(':') < 0) {
            return trimmed.length() > 45 ? trimmed.substring(0, 45) : trimmed;
        }
        if (!IPV6_LITERAL.matcher(trimmed).matches()) {
            return UNKNOWN;
        }
        try {
            // A literal of hexadecimal digits and colons is parsed as an IPv6 address, never looked up in the DNS.
            InetAddress parsed = InetAddress.getByName(trimmed);
            if (parsed instanceof Inet6Address v6) {
                byte[] bytes = v6.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return UNKNOWN;
        }
    }
}
