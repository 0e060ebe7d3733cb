package org.participe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The scanner behind {@link SqlOwnershipTests} finds tables where tables go, and nothing else. */
class SqlTablesTest {

    private static List<String> tables(String sql) {
        return SqlTables.references(sql, Map.of()).stream().map(SqlTables.Reference::table).toList();
    }

    private static List<String> written(String sql) {
        return SqlTables.references(sql, Map.of()).stream().filter(SqlTables.Reference::write).map(SqlTables.Reference::table).toList();
    }

    @Test
    void findsTablesAfterFromJoinIntoUpdateAndInFromLists() {
        assertThat(tables("select i.title from idea i join support s on s.idea_id = i.id left join account a on a.id = i.author_id"))
                .containsExactly("idea", "support", "account");
        assertThat(tables("select 1 from idea i, comment c, follow where c.target_id = i.id")).containsExactly("idea", "comment", "follow");
        assertThat(tables("insert into follow (account_id, target_type) select id, 'IDEA' from account")).containsExactly("follow", "account");
        assertThat(tables("update account a set display_name = x.name from neighbourhood x where a.id = ?")).containsExactly("account", "neighbourhood");
        assertThat(tables("delete from support s using idea i where i.id = s.idea_id")).containsExactly("support", "idea");
        assertThat(tables("select count(*) from public.idea")).containsExactly("idea");
        assertThat(tables("truncate table idea, comment restart identity")).containsExactly("idea", "comment");
    }

    @Test
    void columnsAliasesAndStringsNamedLikeTablesAreNotTables() {
        assertThat(tables("select idea_id, c.account, account.id from support account where account.idea = 'idea' and comment = :account"))
                .containsExactly("support");
        assertThat(tables("select s.idea_id from support s join idea_counts c on c.idea_id = s.idea_id -- from account\n"
                + "/* join comment */ where c.idea_id = ?")).containsExactly("support", "idea_counts");
        assertThat(tables("select \"account\" from support")).containsExactly("support");
    }

    @Test
    void fromThatIsNotAboutATableIsIgnored() {
        assertThat(tables("select extract(epoch from idea) / 86400, substring(comment from 2 for 3), trim(both from account) from support"))
                .containsExactly("support");
        assertThat(tables("select 1 from support s where s.account_id is distinct from account and s.x is not distinct from idea"))
                .containsExactly("support");
        assertThat(tables("select id from unnest(?) as idea(id) join comment c on c.id = idea.id")).containsExactly("comment");
        assertThat(tables("select * from generate_series(1, 3) account, lateral (select 1 from idea) x")).containsExactly("idea");
        assertThat(tables("select 1 from support join follow using (account_id) for update of support")).containsExactly("support", "follow");
        assertThat(tables("insert into support values (1, 2) on conflict (idea_id, account_id) do update set created_at = now()"))
                .containsExactly("support");
    }

    @Test
    void commonTableExpressionsShadowTables() {
        assertThat(tables("with idea as (select id from comment), recent (id) as (select 1) select * from idea join recent using (id)"))
                .containsExactly("comment");
    }

    @Test
    void subqueriesAndFragmentsAreRead() {
        assertThat(tables("exists (select 1 from idea where author_id = a.id) or exists (select 1 from comment where author_id = a.id)"))
                .containsExactly("idea", "comment");
        assertThat(tables("idea i join idea_counts c on c.idea_id = i.id join account a on a.id = i.author_id"))
                .containsExactly("idea", "idea_counts", "account");
        assertThat(tables("idea")).as("a bare word, such as a kind of content, is no fragment of a from list").isEmpty();
        assertThat(tables("select * from (%s) p join account a on a.id = p.who where x in (select id from %2$s)")).containsExactly("account");
    }

    @Test
    void tellsWritesFromReads() {
        assertThat(written("insert into notification (recipient_id) select f.account_id from follow f")).containsExactly("notification");
        assertThat(written("update idea set hidden = true where id in (select content_id from flag)")).containsExactly("idea");
        assertThat(written("delete from follow where account_id = ?")).containsExactly("follow");
        assertThat(written("select 1 from idea for update")).isEmpty();
        assertThat(written("create table if not exists follow_settings (account_id bigint references account (id))"))
                .containsExactly("follow_settings");
    }

    @Test
    void jpqlEntitiesAreTheirTables() {
        assertThat(SqlTables.references("select a from AccountEntity a join a.roles r where :role member of a.roles",
                Map.of("accountentity", "account")).stream().map(SqlTables.Reference::table)).containsExactly("account");
    }

    @Test
    void javaLiteralsAndTextBlocksAreFoundAtTheirLine() {
        String source = """
                class Store {
                    // jdbc.sql("select * from commented_out")
                    static final String A = "select \\"x\\" from idea";
                    char quote = '"';
                    String b = \"""
                            select 1
                            from account a\""";
                    @Table(name = "follow")
                    class Entity {}
                }
                """;
        List<JavaStrings.Literal> literals = JavaStrings.literals(source);
        assertThat(literals).extracting(literal -> literal.text().strip().replaceAll("\\s+", " "))
                .containsExactly("select \"x \" from idea", "select 1 from account a", "follow");
        JavaStrings.Literal textBlock = literals.get(1);
        int account = textBlock.offset() + SqlTables.references(textBlock.text(), Map.of()).getFirst().offset();
        assertThat(JavaStrings.lineOf(source, account)).isEqualTo(7);
        assertThat(JavaStrings.mappedTables(source)).extracting(SqlTables.Reference::table).containsExactly("follow");
    }
}
