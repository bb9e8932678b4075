package io.crogas.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed, as CIDR ranges. A request from
 * anyone else is the client itself, whatever it claims. From a trusted proxy, the client is the
 * right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy: everything left
 * of it was written by the client and proves nothing.
 */
public record TrustedProxies(List<Range> ranges) {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public TrustedProxies {
    ranges = List.copyOf(ranges);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /**
   * Comma-separated addresses or CIDR ranges: {@code 10.0.0.0/8, 127.0.0.1, fd00::/8}.
   *
   * @throws IllegalArgumentException naming the first entry that is not one
   */
  public static TrustedProxies parse(String text) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : text.split(",")) {
      if (!entry.isBlank()) {
        ranges.add(Range.parse(entry.strip()));
      }
    }
    return new TrustedProxies(ranges);
  }

  /** A range of addresses: {@code network/prefixLength}. */
  public record Range(InetAddress network, int prefixLength) {
    public Range {
      int bits = network.getAddress().length * 8;
      if (prefixLength < 0 || prefixLength > bits) {
        throw new IllegalArgumentException("a prefix is within 0.." + bits + ": " + prefixLength);
      }
    }

    static Range parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      InetAddress network =
          literal(address)
              .orElseThrow(
                  () -> new IllegalArgumentException("not an IP address or CIDR range: " + text));
      int bits = network.getAddress().length * 8;
      if (slash < 0) {
        return new Range(network, bits);
      }
      String prefix = text.substring(slash + 1);
      if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
        throw new IllegalArgumentException(
            "not an IP address or CIDR range (prefix 0.." + bits + "): " + text);
      }
      return new Range(network, Integer.parseInt(prefix));
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      byte[] n = network.getAddress();
      if (a.length != n.length) {
        return false;
      }
      int full = prefixLength / 8;
      if (!Arrays.equals(a, 0, full, n, 0, full)) {
        return false;
      }
      int rest = prefixLength % 8;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return rest == 0 || (a[full] & mask) == (n[full] & mask);
    }

    @Override
    public String toString() {
      return network.getHostAddress() + "/" + prefixLength;
    }
  }

  /**
   * The client's address: {@code peer} unless it is a trusted proxy, else the right-most entry of
   * {@code forwardedFor} (every header's entries, in order) that is not trusted. When every entry
   * is trusted, the left-most; when an entry is not an address, the hop right of it (it reported
   * what it was given, not what it saw).
   */
  String client(String peer, List<String> forwardedFor) {
    Optional<InetAddress> peerAddress = literal(withoutPort(peer));
    if (ranges.isEmpty() || peerAddress.isEmpty() || !trusted(peerAddress.get())) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    forwardedFor.forEach(
        header -> Arrays.stream(header.split(",")).map(String::strip).forEach(hops::add));
    InetAddress client = peerAddress.get();
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = literal(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get();
      if (!trusted(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private boolean trusted(InetAddress address) {
    return ranges.stream().anyMatch(range -> range.contains(address));
  }

  /** {@code 1.2.3.4:80} and {@code [::1]:80} as some proxies write them. */
  private static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end < 0 ? hop : hop.substring(1, end);
    }
    int colon = hop.indexOf(':');
    return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
  }

  /** An IP literal, never a host name: parsing must not ask DNS. */
  static Optional<InetAddress> literal(String text) {
    if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
      return Optional.empty();
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      return Optional.of(address);
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** How the per-IP limit keys a client: an IPv4 address, or an IPv6 address's /64 network. */
  static String limitKey(String client) {
    Optional<InetAddress> address = literal(client);
    if (address.isEmpty() || address.get() instanceof Inet4Address) {
      return client;
    }
    byte[] bytes = address.get().getAddress();
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix
          .append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)))
          .append(':');
    }
    return prefix.append(":/64").toString();
  }
}
