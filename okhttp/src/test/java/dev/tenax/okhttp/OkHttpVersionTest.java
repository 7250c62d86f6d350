package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OkHttpVersionTest {
    @Test
    void theOkHttpOnTheClassPathIsOkHttp5() {
        assertThat(OkHttpVersion.loaded()).startsWith("5.");
        assertThat(OkHttpVersion.warning(OkHttpVersion.loaded())).isNull();
    }

    @Test
    void okHttp4ClassesGetAWarningThatSaysWhatToExclude() {
        assertThat(OkHttpVersion.warning("4.12.0"))
                .contains("OkHttp 4.12.0 is loaded")
                .contains("com.squareup.okhttp3:okhttp-jvm")
                .contains("exclude");
        assertThat(OkHttpVersion.warning("3.14.9")).isNotNull();
    }

    @Test
    void laterOrUnknownVersionsGetNone() {
        assertThat(OkHttpVersion.warning("5.0.0")).isNull();
        assertThat(OkHttpVersion.warning("6.0.0-alpha.1")).isNull();
        assertThat(OkHttpVersion.warning("garbage")).isNull();
        assertThat(OkHttpVersion.warning(null)).isNull();
    }
}
