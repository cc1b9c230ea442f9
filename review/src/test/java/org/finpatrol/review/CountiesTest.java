package org.finpatrol.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountiesTest {

  @Test
  void theAddressNamesTheCountyAndTheAreaCodeAtLeastTheCity() throws IOException {
    Counties counties = Counties.load(Path.of("../config/units.yml"));
    assertThat(counties.of(List.of("河南省鹤壁市淇滨区华山路88号"), List.of())).isEqualTo("淇滨区");
    assertThat(counties.of(List.of("鹤壁市浚县黎阳路1号"), List.of("0392-5551234"))).isEqualTo("浚县");
    assertThat(counties.of(List.of("鹤壁经济技术开发区渤海路"), List.of())).isEqualTo("鹤壁经济技术开发区");
    assertThat(counties.of(List.of("郑州市金水区"), List.of("0392-3208867"))).isEqualTo("鹤壁市");
    assertThat(counties.of(List.of("郑州市金水区"), List.of("0371-1234567"))).isNull();
    assertThat(counties.of(List.of(), List.of())).isNull();
  }

  @Test
  void aBadSectionIsNamed(@TempDir Path dir) throws IOException {
    Path yml = dir.resolve("units.yml");
    Files.writeString(yml, "counties:\n  area_code: 392\n  names:\n    浚县: []\n");
    assertThatThrownBy(() -> Counties.load(yml))
        .hasMessageContaining("counties.area_code must be a phone area code");
    Files.writeString(yml, "counties:\n  area_code: 392\n  names:\n    浚县: 浚\n    淇县: [朝歌]\n");
    assertThatThrownBy(() -> Counties.load(yml))
        .satisfies(
            e ->
                assertThat(e.getMessage().lines())
                    .containsExactly(
                        yml + ": counties.names.浚县 must be a list",
                        yml
                            + ": counties.area_code must be a phone area code such as \"0392\","
                            + " got 392"));
    Files.writeString(yml, "units:\n  comms: 通信管理\n");
    assertThat(Counties.load(yml).of(List.of("浚县"), List.of())).isNull();
  }
}
