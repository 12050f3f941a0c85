package dev.damagedesk.domain.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterTypeTest {

    @ParameterizedTest
    @CsvSource({
            "individual,         INDIVIDUAL,         false",
            "small-business,     SMALL_BUSINESS,     true",
            "mid-large-business, MID_LARGE_BUSINESS, true",
    })
    void codesAndWhetherItIsABusiness(String code, ReporterType type, boolean business) {
        assertThat(type.code()).isEqualTo(code);
        assertThat(ReporterType.fromCode(code)).contains(type);
        assertThat(type.isBusiness()).isEqualTo(business);
    }

    @Test
    void unknownCodesAreEmpty() {
        assertThat(ReporterType.fromCode("SMALL_BUSINESS")).isEmpty();
        assertThat(ReporterType.fromCode(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void aReportThatStatesNoTypeIsAnIndividualsUnlessItIsABusinessLoss(Category category) {
        assertThat(ReporterType.assumedFor(category))
                .isEqualTo(category == Category.BUSINESS_LOSS ? ReporterType.SMALL_BUSINESS : ReporterType.INDIVIDUAL);
    }
}
