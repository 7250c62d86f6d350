package dev.tenax.testkit;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What every scenario class of the kit shares: a MockWebServer whose connections set {@code TCP_NODELAY}, a
 * listener that records retry and give-up events, and the clients to close after each scenario. A client module
 * extends a scenario class once per variant and implements {@link #newClient}.
 */
@ResourceLock("dev.tenax.Tenax")
public abstract class ServerScenarios {
    protected final MockWebServer server = new MockWebServer();
    /** Records every event into {@link #retries} and {@link #giveUps}. */
    protected final EventRecorder recorder = new EventRecorder();

    protected final List<RetryDetails> retries = recorder.retries();
    protected final List<GiveUpDetails> giveUps = recorder.giveUps();

    private final List<ContractClient> clients = new ArrayList<>();

    /**
     * The client variant under test, retrying with {@code policy}.
     *
     * @param policy the policy
     * @return a new client; the scenario closes it
     */
    protected abstract ContractClient newClient(HttpRetryPolicy policy);

    /** A new client of the variant, closed after the scenario. */
    protected ContractClient track(ContractClient client) {
        clients.add(client);
        return client;
    }

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stopServer() {
        clients.forEach(ContractClient::close);
        server.close();
    }
}
