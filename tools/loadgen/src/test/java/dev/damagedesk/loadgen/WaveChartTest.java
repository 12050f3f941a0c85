package dev.damagedesk.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WaveChartTest {

    private static List<WaveSample> wave() {
        List<WaveSample> samples = new ArrayList<>();
        long accepted = 0;
        long processed = 0;
        for (int second = 0; second <= 60; second++) {
            accepted += second < 40 ? 20 : 0;
            processed = Math.min(accepted, processed + 15);
            samples.add(new WaveSample(second, accepted, second, 0, accepted - processed, processed, 3, processed,
                    second >= 10 && second < 50 ? "SURGE" : "NORMAL"));
        }
        return samples;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theChartIsWellFormedSvgWithAPolylineOfOnePointPerSampleForEachSeries() throws Exception {
        List<WaveSample> samples = wave();
        Document svg = parse(WaveChart.svg(samples, "Load wave: 800 reports & <friends>"));

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        NodeList lines = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            assertThat(line.getAttribute("points").split(" ")).hasSize(samples.size());
            titles.add(line.getTextContent());
        }
        assertThat(titles).containsExactly("arrivals (202/s)", "processed/s", "emails/s", "intake queue depth",
                "notification queue depth");
        assertThat(svg.getDocumentElement().getTextContent()).contains("800 reports & <friends>");
    }

    @Test
    void surgeStretchesAreShadedAndRatesAreTakenOverTheWindow() throws Exception {
        List<WaveSample> samples = wave();
        Document svg = parse(WaveChart.svg(samples, "t"));
        NodeList rects = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        int shaded = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if ("#fde9c8".equals(((Element) rects.item(i)).getAttribute("fill"))) {
                shaded++;
            }
        }
        assertThat(shaded).as("40 surge samples, in each of the two panels").isEqualTo(80);

        double[] arrivals = WaveChart.rate(samples, WaveSample::accepted);
        assertThat(arrivals[20]).isEqualTo(20.0);
        assertThat(arrivals[55]).isZero();
        assertThat(WaveChart.niceCeiling(37)).isEqualTo(50);
        assertThat(WaveChart.niceCeiling(1_001)).isEqualTo(2_000);
    }
}
