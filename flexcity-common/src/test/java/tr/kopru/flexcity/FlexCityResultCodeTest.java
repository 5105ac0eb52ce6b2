package tr.kopru.flexcity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlexCityResultCodeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void inputAndStateRefusalsMeanAWriteWasNotDone() {
        for (String code : new String[] {"0002", "0004", "0103", "0104", "0105", "0106", "0107", "0108", "0109",
                "0110", "0111", "0117", "0118", "0121", "0510", "0511", "0512", "0513", "0514", "0530", "0531"}) {
            assertThat(FlexCityResultCode.of(code).refusesWrite()).as(code).isTrue();
        }
    }

    @Test
    void unspecificErrorsAndUnlistedCodesLeaveAWriteUnknown() {
        for (String code : new String[] {"0001", "0900", "0115", "0116", "7777"}) {
            assertThat(FlexCityResultCode.of(code).refusesWrite()).as(code).isFalse();
        }
        assertThat(FlexCityResultCode.SUCCESS.refusesWrite()).isFalse();
    }

    @Test
    void successFalseWithoutACodeIsNotARefusal() throws Exception {
        FlexCityAnswer answer = new FlexCityAnswer(json.readTree("{\"success\": false}"));

        assertThat(answer.succeeded()).isFalse();
        assertThat(answer.resultCode()).isEqualTo(FlexCityResultCode.UNLISTED);
        assertThat(answer.resultCode().refusesWrite()).isFalse();
    }
}
