package se.integrationjourney.api.testsupport;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.integrationjourney.api.JourneyApplication;
import se.integrationjourney.api.security.AccountStore;
import se.integrationjourney.projections.testsupport.ThrowawayDatabase;

/**
 * The whole service on a throwaway database, reaching PostgreSQL only through a {@link TcpProxy} that the test
 * controls, with the test accounts. Server-side prepared statements are off ({@code prepareThreshold=0}) so that every
 * statement's text passes the proxy, where a fault can recognise it.
 */
public final class ServiceOnProxy implements AutoCloseable {

    private final ThrowawayDatabase database = ThrowawayDatabase.named();
    private final TcpProxy proxy;
    private final ConfigurableApplicationContext service;

    public ServiceOnProxy(String... extraArguments) throws IOException {
        URI server = URI.create(database.url().substring("jdbc:".length()));
        proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name()
                        + "?prepareThreshold=0",
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--journey.admin-password=" + ApiTestAccounts.ADMIN_PASSWORD,
                "--journey.logging.database-outage-once=true"));
        arguments.addAll(List.of(extraArguments));
        service = new SpringApplicationBuilder(JourneyApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("faultTestsExcludeTestClasses", new ExcludeTestClasses()))
                .run(arguments.toArray(String[]::new));
        ApiTestAccounts.ensure(service.getBean(AccountStore.class), service.getBean(PasswordEncoder.class));
    }

    public TcpProxy proxy() {
        return proxy;
    }

    public ThrowawayDatabase database() {
        return database;
    }

    public <T> T bean(Class<T> type) {
        return service.getBean(type);
    }

    public int port() {
        return ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @Override
    public void close() throws Exception {
        proxy.fault(null);
        proxy.refuse(false);
        service.close();
        proxy.close();
        database.destroy();
    }
}
