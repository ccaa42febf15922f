package io.migtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {
  @Test
  void contentDropsWhatXml10CannotCarryAndKeepsTheRest() {
    assertThat(XmlText.content("a\u0000b\u001Bc\uFFFEd\uD800e\uDC00f😀\tg\r\nh\ri"))
        .isEqualTo("abcdef😀\tg\nh\ni");
    assertThat(XmlText.content(null)).isEmpty();
  }

  @Test
  void anAttributeIsOneLineAndCutWithoutSplittingACharacter() {
    assertThat(XmlText.attribute("a\r\nb\nc\td")).isEqualTo("a b c d");
    String cut = XmlText.attribute("x".repeat(XmlText.MAX_ATTRIBUTE - 2) + "😀" + "y");
    assertThat(cut).isEqualTo("x".repeat(XmlText.MAX_ATTRIBUTE - 2) + "…");
    assertThat(XmlText.attribute("x".repeat(XmlText.MAX_ATTRIBUTE))).hasSize(XmlText.MAX_ATTRIBUTE);
  }
}
