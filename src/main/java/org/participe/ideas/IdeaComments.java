package org.participe.ideas;

import org.participe.comments.CommentEvents;
import org.participe.comments.CommentTarget;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Ideas take comments: which ones, and their count kept exact in the comment's own transaction. */
@Component
class IdeaComments implements CommentTarget {

    static final String TYPE = "IDEA";

    private final IdeaService ideas;

    IdeaComments(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean isVisible(long id) {
        return ideas.isVisible(id);
    }

    @Override
    public boolean acceptsComments(long id) {
        return ideas.acceptsComments(id);
    }

    @Override
    public String path(long id) {
        return "ideas/" + id;
    }

    @EventListener
    void on(CommentEvents.CommentPosted posted) {
        if (TYPE.equals(posted.targetType())) {
            ideas.adjustCommentCount(posted.targetId(), 1);
        }
    }

    @EventListener
    void on(CommentEvents.CommentDeleted deleted) {
        if (TYPE.equals(deleted.targetType())) {
            ideas.adjustCommentCount(deleted.targetId(), -1);
        }
    }

    @EventListener
    void on(CommentEvents.CommentVisibilityChanged changed) {
        if (TYPE.equals(changed.targetType())) {
            ideas.adjustCommentCount(changed.targetId(), changed.hidden() ? -1 : 1);
        }
    }

    @EventListener
    void on(CommentEvents.CommentEdited edited) {
        if (TYPE.equals(edited.targetType())) {
            ideas.adjustCommentCount(edited.targetId(), 0);
        }
    }
}
