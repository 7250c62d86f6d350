package dev.tenax.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class TenaxTestingExtensionTest {

    @TenaxTesting(attempts = 3)
    static class AnnotatedClass {
        @Test
        void classSettingApplies() {
            assertThat(Tenax.isTesting()).isTrue();
            assertThat(attemptsMadeByAFailingCall()).isEqualTo(3);
        }

        @Test
        @TenaxTesting(attempts = 7, cap = true)
        void methodSettingWinsAndCapApplies() {
            assertThat(attemptsMadeByAFailingCall()).isEqualTo(5); // min(7, the policy's 5)
        }
    }

    static class AnnotatedMethodOnly {
        @Test
        @TenaxTesting
        void defaultsToOneAttempt() {
            assertThat(attemptsMadeByAFailingCall()).isEqualTo(1);
        }

        @Test
        void unannotatedRunsNormally() {
            assertThat(Tenax.isTesting()).isFalse();
        }
    }

    @TenaxTesting(attempts = 2)
    static class AnnotatedOuterClass {
        @Test
        void outerSettingApplies() {
            assertThat(attemptsMadeByAFailingCall()).isEqualTo(2);
        }

        @Nested
        class Inner {
            @Test
            void enclosingClassSettingApplies() {
                assertThat(attemptsMadeByAFailingCall()).isEqualTo(2);
            }

            @Test
            @TenaxTesting(attempts = 4)
            void methodSettingWinsOverTheEnclosingClass() {
                assertThat(attemptsMadeByAFailingCall()).isEqualTo(4);
            }

            @Nested
            class Innermost {
                @Test
                void outermostSettingReachesEveryLevel() {
                    assertThat(attemptsMadeByAFailingCall()).isEqualTo(2);
                }
            }
        }

        @Nested
        @TenaxTesting(attempts = 3)
        class AnnotatedInner {
            @Test
            void innerClassSettingWinsOverTheOuterClass() {
                assertThat(attemptsMadeByAFailingCall()).isEqualTo(3);
            }

            @Test
            @TenaxTesting(attempts = 1)
            void methodSettingWinsOverBothClasses() {
                assertThat(attemptsMadeByAFailingCall()).isEqualTo(1);
            }

            @Nested
            class Deeper {
                @Test
                void theNearestEnclosingClassWins() {
                    assertThat(attemptsMadeByAFailingCall()).isEqualTo(3);
                }
            }
        }
    }

    @Test
    void nestedClassesFindTheAnnotationOnTheirEnclosingClasses() {
        // Regression, issue 12: a @Nested class of an annotated class failed with "@TenaxTesting not found"
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AnnotatedOuterClass.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(7).succeeded(7).failed(0));

        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void annotatedTestsRunInTestingModeAndTheStateIsRestoredAfterwards() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(AnnotatedClass.class), selectClass(AnnotatedMethodOnly.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));

        assertThat(Tenax.isTesting()).isFalse();
    }

    static int attemptsMadeByAFailingCall() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(5).build();
        try {
            policy.call(() -> {
                calls.incrementAndGet();
                throw new IOException("down");
            });
        } catch (IOException expected) {
            // exhausted
        }
        return calls.get();
    }
}
