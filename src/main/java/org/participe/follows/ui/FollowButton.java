package org.participe.follows.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.participe.base.content.ContentKey;
import org.participe.follows.FollowService;

/** Follow / unfollow a piece of content; its state is announced as pressed or not. */
public class FollowButton extends Composite<Button> {

    private final FollowService follows;
    private final ContentKey target;

    public FollowButton(FollowService follows, ContentKey target) {
        this.follows = follows;
        this.target = target;
        getContent().addClickListener(click -> {
            if (follows.isFollowing(target)) {
                follows.unfollow(target);
            } else {
                follows.follow(target);
            }
            show();
        });
        show();
    }

    private void show() {
        boolean following = follows.isFollowing(target);
        Button button = getContent();
        button.setText(getTranslation(following ? "idea.unfollow" : "idea.follow"));
        button.setIcon(following ? VaadinIcon.BELL_SLASH.create() : VaadinIcon.BELL.create());
        button.getElement().setAttribute("aria-pressed", String.valueOf(following));
    }
}
