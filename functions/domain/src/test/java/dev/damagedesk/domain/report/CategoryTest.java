package dev.damagedesk.domain.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTest {

    @ParameterizedTest
    @CsvSource({
            "paid-subscription,       PAID_SUBSCRIPTION,       false",
            "failed-purchase,         FAILED_PURCHASE,         true",
            "free-service-money-lost, FREE_SERVICE_MONEY_LOST, true",
            "business-loss,           BUSINESS_LOSS,           true",
            "no-monetary-damage,      NO_MONETARY_DAMAGE,      false",
    })
    void codesAndWhetherAnAmountIsNeeded(String code, Category category, boolean requiresAmount) {
        assertThat(category.code()).isEqualTo(code);
        assertThat(Category.fromCode(code)).contains(category);
        assertThat(category.requiresAmount()).isEqualTo(requiresAmount);
    }

    @Test
    void everyCategoryIsCovered() {
        assertThat(Category.values()).hasSize(5);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"PAID_SUBSCRIPTION", "Business-Loss", "other"})
    void unknownCodesAreEmpty(String code) {
        assertThat(Category.fromCode(code)).isEmpty();
    }
}
