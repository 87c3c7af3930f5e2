package org.certcheck.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FetchProxiesTest {
    private final ProxyChoice choice = new ProxyChoice(
            Optional.of(new HttpProxy("proxy.test", 3128, Optional.of("alice:s3:cret"))), NoProxy.parse("corp.test"));

    @Test
    void revocationUrlsGoThroughTheProbesProxy() {
        assertThat(new FetchProxies(choice).select(URI.create("http://ocsp.ca.example/")))
                .containsExactly(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.test", 3128)));
    }

    @Test
    void hostsOnTheNoProxyListAreFetchedDirectly() {
        assertThat(new FetchProxies(choice).select(URI.create("http://crl.corp.test:8080/root.crl")))
                .containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void answersOnlyTheProxysChallengeWithTheProxyUrlsCredentials() throws Exception {
        Authenticator authenticator = new FetchProxies(choice).authenticator().orElseThrow();
        URL url = URI.create("http://ocsp.ca.example/").toURL();

        PasswordAuthentication proxy = authenticator.requestPasswordAuthenticationInstance("proxy.test", null, 3128,
                "http", "proxy", "basic", url, Authenticator.RequestorType.PROXY);
        PasswordAuthentication server = authenticator.requestPasswordAuthenticationInstance("ocsp.ca.example", null,
                80, "http", "ocsp", "basic", url, Authenticator.RequestorType.SERVER);

        assertThat(proxy.getUserName()).isEqualTo("alice");
        assertThat(new String(proxy.getPassword())).isEqualTo("s3:cret");
        assertThat(server).isNull();
    }

    @Test
    void aProxyWithoutCredentialsNeedsNoAuthenticator() {
        ProxyChoice anonymous = new ProxyChoice(Optional.of(new HttpProxy("proxy.test", 3128, Optional.empty())),
                NoProxy.NONE);
        assertThat(new FetchProxies(anonymous).authenticator()).isEmpty();
    }
}
