package dev.tenax.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.Tenax;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlakyServerTest {
    private static final Pattern RETRY_AFTER = Pattern.compile("(?im)^Retry-After:\\s*(\\S+)");

    @Test
    void sameSeedGivesSameFaultSequence() {
        assertThat(draw(new FaultPlan(7), 1_000)).isEqualTo(draw(new FaultPlan(7), 1_000));
        assertThat(draw(new FaultPlan(7), 1_000)).isNotEqualTo(draw(new FaultPlan(8), 1_000));
    }

    @Test
    void failsAboutAsOftenAsAdvertised() {
        List<Fault> faults = draw(new FaultPlan(Demo.SEED), 10_000);

        assertThat(share(faults, Fault.UNAVAILABLE) + share(faults, Fault.UNAVAILABLE_RETRY_NOW))
                .isBetween(0.23, 0.27);
        assertThat(share(faults, Fault.RATE_LIMITED) + share(faults, Fault.RATE_LIMITED_RETRY_NOW))
                .isBetween(0.08, 0.12);
        assertThat(share(faults, Fault.DROP)).isBetween(0.08, 0.12);
    }

    @Test
    void replaysTheSameFaultsForTheSameSeed(@TempDir Path dir) throws IOException {
        // given two servers with the same seed, when the same poll runs against each
        List<Fault> first = pollAll(Demo.SEED, dir.resolve("first"));
        List<Fault> second = pollAll(Demo.SEED, dir.resolve("second"));

        // then both applied the plan's faults, in the plan's order
        assertThat(second).isEqualTo(first);
        assertThat(first).isEqualTo(draw(new FaultPlan(Demo.SEED), first.size()));
        assertThat(first).contains(Fault.UNAVAILABLE, Fault.RATE_LIMITED, Fault.DROP);
    }

    @Test
    void answersEachRequestAsThePlanSays() throws IOException {
        int requests = 40;
        List<Fault> plan = draw(new FaultPlan(3), requests);
        List<String> seen = new ArrayList<>();
        try (FlakyServer server = FlakyServer.start(3, 2)) {
            for (int i = 0; i < requests; i++) {
                seen.add(rawGet(server.firstPage()));
            }
            assertThat(server.faults()).isEqualTo(plan);
        }
        assertThat(seen)
                .isEqualTo(plan.stream().map(FlakyServerTest::expectedOutcome).toList());
    }

    /**
     * One GET over a plain socket, answered as "status Retry-After" or "dropped". Not the JDK HttpClient: it
     * re-sends a GET whose connection closes before any answer, which would hide the drop.
     */
    private static String rawGet(URI uri) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            String request = "GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n" + "Host: "
                    + uri.getHost() + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (answer.isEmpty()) {
                return "dropped";
            }
            String status = answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3);
            Matcher retryAfter = RETRY_AFTER.matcher(answer);
            return status + " " + (retryAfter.find() ? retryAfter.group(1) : "-");
        }
    }

    private static List<Fault> pollAll(long seed, Path dir) throws IOException {
        Tenax.Handle testing = Tenax.setTesting(true, 10, false);
        try (FlakyServer server = FlakyServer.start(seed, Demo.PAGES);
                PageFetcher fetcher = new JdkPageFetcher(PollerPolicy.create(details -> {}))) {
            new ResilientPoller(fetcher, dir).poll(server.firstPage(), file -> {});
            return server.faults();
        } finally {
            testing.close();
        }
    }

    private static String expectedOutcome(Fault fault) {
        if (fault == Fault.DROP) {
            return "dropped";
        }
        String retryAfter = fault.retryAfter();
        return fault.status() + " " + (retryAfter == null ? "-" : retryAfter);
    }

    private static List<Fault> draw(FaultPlan plan, int count) {
        List<Fault> faults = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            faults.add(plan.next());
        }
        return faults;
    }

    private static double share(List<Fault> faults, Fault kind) {
        return faults.stream().filter(kind::equals).count() / (double) faults.size();
    }
}
