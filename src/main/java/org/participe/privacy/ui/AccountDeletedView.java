package org.participe.privacy.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Where one lands, signed out, after deleting one's account. */
@Route(AccountDeletedView.ROUTE)
@AnonymousAllowed
public class AccountDeletedView extends Composite<VerticalLayout> implements HasDynamicTitle {

    static final String ROUTE = "account-deleted";

    public AccountDeletedView() {
        VerticalLayout layout = getContent();
        layout.addClassName("text-page");
        layout.add(new H1(getTranslation("my-data.deleted.title")), new Paragraph(getTranslation("my-data.deleted.text")),
                new Paragraph(new Anchor(".", getTranslation("error.back-home"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-data.deleted.title") + " · " + getTranslation("app.name");
    }
}
