package org.participe.ideas;

import java.util.Optional;

import org.participe.base.content.ContentKind;
import org.participe.comments.CommentEvents;
import org.participe.comments.CommentTarget;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Ideas take comments: which ones, and their count kept exact in the comment's own transaction. */
@Component
class IdeaComments implements CommentTarget {

    private final IdeaService ideas;

    IdeaComments(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public ContentKind kind() {
        return ContentKind.IDEA;
    }

    @Override
    public boolean isVisible(long id) {
        return ideas.isVisible(id);
    }

    @Override
    public Optional<String> titleIfOpen(long id) {
        return ideas.titleOpenToComments(id);
    }

    @EventListener
    void on(CommentEvents.CommentPosted posted) {
        if (posted.target().kind() == ContentKind.IDEA) {
            ideas.adjustCommentCount(posted.target().id(), 1);
        }
    }

    @EventListener
    void on(CommentEvents.CommentDeleted deleted) {
        if (deleted.target().kind() == ContentKind.IDEA) {
            ideas.adjustCommentCount(deleted.target().id(), -1);
        }
    }

    @EventListener
    void on(CommentEvents.CommentVisibilityChanged changed) {
        if (changed.target().kind() == ContentKind.IDEA) {
            ideas.adjustCommentCount(changed.target().id(), changed.hidden() ? -1 : 1);
        }
    }

    @EventListener
    void on(CommentEvents.CommentEdited edited) {
        if (edited.target().kind() == ContentKind.IDEA) {
            ideas.adjustCommentCount(edited.target().id(), 0);
        }
    }
}
