package dev.damagedesk.application.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportCsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "=1+1|'=1+1",
            "+82 10|'+82 10",
            "-5|'-5",
            "@SUM(A1)|'@SUM(A1)",
            "a,b|`\"a,b\"`",
            "say \"hi\"|`\"say \"\"hi\"\"\"`",
            "=a,b|`\"'=a,b\"`",
            "김민지|김민지"
    })
    void cellsAreNeutralisedAndQuoted(String value, String expected) {
        assertThat(ExportCsv.cell(value)).isEqualTo(expected);
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
        assertThat(ExportCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(ExportCsv.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
    }
}
