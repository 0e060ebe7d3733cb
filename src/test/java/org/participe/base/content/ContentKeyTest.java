package org.participe.base.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentKeyTest {

    @Test
    void contentWithItsOwnPageHasItsPath() {
        assertThat(ContentKey.idea(12).path()).isEqualTo("ideas/12");
        assertThat(ContentKey.initiative(5).path()).isEqualTo("initiatives/5");
    }

    @Test
    void aCommentIsAtItsAnchorOnThePageOfWhatItDiscusses() {
        assertThat(ContentKey.comment(80).pathOn(ContentKey.idea(12))).isEqualTo("ideas/12#comment-80");
        assertThat(ContentKey.comment(80).pathOn(ContentKey.initiative(5))).isEqualTo("initiatives/5#comment-80");
        assertThat(ContentKey.idea(12).pathOn(ContentKey.idea(12))).isEqualTo("ideas/12");
        assertThatThrownBy(() -> ContentKey.comment(80).path()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoredKindIsTheEnumName() {
        assertThat(ContentKey.stored("IDEA", 3)).isEqualTo(ContentKey.idea(3));
        assertThat(ContentKey.stored("COMMENT", 4)).isEqualTo(ContentKey.comment(4));
        assertThat(ContentKey.stored("INITIATIVE", 5)).isEqualTo(ContentKey.initiative(5));
        assertThat(ContentKind.find("ACCOUNT")).isEmpty();
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThatThrownBy(() -> ContentKey.stored("ACCOUNT", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ACCOUNT");
        assertThatThrownBy(() -> ContentKey.stored("idea", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentKey.stored(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContentKey(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aPageIsReadBackIntoItsContent() {
        assertThat(ContentKey.ofPath("ideas/12")).contains(ContentKey.idea(12));
        assertThat(ContentKey.ofPath("initiatives/5")).contains(ContentKey.initiative(5));
        for (ContentKind kind : ContentKind.values()) {
            if (kind.hasOwnPage()) {
                ContentKey key = new ContentKey(kind, 42);
                assertThat(ContentKey.ofPath(key.path())).contains(key);
            }
        }
    }

    @Test
    void otherPathsAreNoContentPage() {
        assertThat(ContentKey.ofPath(null)).isEmpty();
        assertThat(ContentKey.ofPath("")).isEmpty();
        assertThat(ContentKey.ofPath("ideas")).isEmpty();
        assertThat(ContentKey.ofPath("ideas/")).isEmpty();
        assertThat(ContentKey.ofPath("ideas/12/edit")).isEmpty();
        assertThat(ContentKey.ofPath("ideas/12/")).isEmpty();
        assertThat(ContentKey.ofPath("/ideas/12")).isEmpty();
        assertThat(ContentKey.ofPath("ideas/-1")).isEmpty();
        assertThat(ContentKey.ofPath("ideas/1e3")).isEmpty();
        assertThat(ContentKey.ofPath("ideas/99999999999999999999")).isEmpty();
        assertThat(ContentKey.ofPath("comment/3")).isEmpty();
        assertThat(ContentKey.ofPath("null/3")).isEmpty();
        assertThat(ContentKey.ofPath("moderation")).isEmpty();
    }

    @Test
    void itsTextFormIsKindAndId() {
        assertThat(ContentKey.comment(80)).hasToString("COMMENT:80");
        assertThat(ContentKey.idea(12)).hasToString("IDEA:12");
    }

    @Test
    void eachKindHasItsKeyInTexts() {
        assertThat(ContentKind.IDEA.textKey()).isEqualTo("idea");
        assertThat(ContentKind.COMMENT.textKey()).isEqualTo("comment");
    }
}
