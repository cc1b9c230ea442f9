package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a case learns about a host's operator from its pages, on the patrol schema in H2. */
class CaseFactsTest {

  @Test
  void contactsGiveEachAddressAndPhoneOnceInTheOrderThePagesFirstGiveThem() {
    JdbcDataSource db = PatrolFixtures.database("case-facts");
    JdbcClient jdbc = JdbcClient.create(db);
    PatrolFixtures.run(jdbc, 1);
    String footer = "{\"addresses\": [\"河南省鹤壁市淇滨区华山路88号\"], \"phones\": [\"0392-3208867\"]}";
    for (int i = 0; i < 40; i++) {
      page(jdbc, "鑫盛.cn", i, i == 20 ? "{\"addresses\": [\"浚县黎阳路6号\"], \"phones\": []}" : footer);
    }
    page(jdbc, "别家.cn", 99, "{\"addresses\": [\"淇县朝歌路1号\"], \"phones\": [\"0392-7000000\"]}");

    CaseFacts.Contacts contacts = new CaseFacts(db).contacts(1, "鑫盛.cn");

    assertThat(contacts.addresses()).containsExactly("河南省鹤壁市淇滨区华山路88号", "浚县黎阳路6号");
    assertThat(contacts.phones()).containsExactly("0392-3208867");
  }

  private static void page(JdbcClient jdbc, String host, int n, String facts) {
    jdbc.sql(
            "INSERT INTO page (run_id, url, url_hash, host, depth, fetch_status, http_status,"
                + " truncated, title, body_text, outlinks, facts, fetched_at) VALUES (1, ?, ?, ?, 0,"
                + " 'OK', 200, FALSE, '标题', '正文', 0, ?, CURRENT_TIMESTAMP)")
        .params("https://" + host + "/p/" + n, String.format("%064d", n), host, facts)
        .update();
  }
}
