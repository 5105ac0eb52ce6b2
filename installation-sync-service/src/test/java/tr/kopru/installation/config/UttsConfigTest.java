package tr.kopru.installation.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The UTTS settings are checked when the configuration is read, that is at start, as Quarkus reads it. */
class UttsConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void aPageSizeAboveTheDocumentsMaximumIsRefusedWithAMessage() {
        assertThatThrownBy(() -> config("1001")).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("kopru.utts.page-size").hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> config("0")).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("kopru.utts.page-size");
        assertThat(config("1000").getConfigMapping(UttsConfig.class).pageSize()).isEqualTo(1000);
    }

    private static SmallRyeConfig config(String pageSize) {
        return new SmallRyeConfigBuilder().withMapping(UttsConfig.class)
                // Quarkus reads "60s" as a duration; plain SmallRye Config needs its converter told.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("kopru.utts.page-size", pageSize), "test", 100))
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
    }
}
