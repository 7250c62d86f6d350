package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallSiteNameTest {
    @Test
    void lambdasConstructorsAndInitialisersAreReadAsTheirSite() {
        assertThat(CallSiteName.methodName("fetchOrder")).isEqualTo("fetchOrder");
        assertThat(CallSiteName.methodName("lambda$fetchOrder$3")).isEqualTo("fetchOrder");
        assertThat(CallSiteName.methodName("lambda$static$0")).isEqualTo("static");
        assertThat(CallSiteName.methodName("lambda$")).isEmpty();
        assertThat(CallSiteName.methodName("<init>")).isEmpty();
        assertThat(CallSiteName.methodName("<clinit>")).isEmpty();
    }

    @Test
    void aNameKeepsOnlyPlainCharactersAndIsShort() {
        assertThat(CallSiteName.plain("OrderClient$Inner.fetch-1_x")).isEqualTo("OrderClient$Inner.fetch-1_x");
        assertThat(CallSiteName.plain("Spec.fetch an order\n\"quoted\"")).isEqualTo("Spec.fetch_an_order__quoted_");
        assertThat(CallSiteName.plain("x".repeat(500))).hasSize(100);
        // each range's ends are kept, the characters just outside them are not
        assertThat(CallSiteName.plain("azAZ09")).isEqualTo("azAZ09");
        assertThat(CallSiteName.plain("`{@[/:")).isEqualTo("______");
    }

    @Test
    void theCallerOfTheWalkIsFound() {
        assertThat(CallSiteName.of("fallback")).isEqualTo("CallSiteNameTest.theCallerOfTheWalkIsFound");
    }
}
