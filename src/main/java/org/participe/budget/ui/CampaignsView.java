package org.participe.budget.ui;

import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.content.ContentKey;
import org.participe.budget.CampaignCard;
import org.participe.budget.CampaignService;

/** The citizens' budget campaigns, newest vote first, each with where it stands; staff also see drafts and create one. */
@Route("budgets")
@AnonymousAllowed
@Menu(title = "menu.budgets", order = 2.5, icon = "vaadin:piggy-bank")
public class CampaignsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private static final int PAGE = 12;

    private final CampaignService campaigns;
    private final Div list = new Div();
    private final Button more = new Button();
    private int loaded;

    public CampaignsView(CampaignService campaigns) {
        this.campaigns = campaigns;
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("ideas-page");
        Div header = new Div(new H1(getTranslation("budget.campaigns.title")));
        header.addClassName("page-header");
        if (campaigns.mayCreate()) {
            Anchor create = new Anchor("admin/budgets/new", getTranslation("budget.campaigns.create"));
            create.addClassNames("button-link", "button-link-solid");
            header.add(create);
        }
        list.addClassName("idea-list");
        more.setText(getTranslation("ideas.more"));
        more.addClickListener(e -> loadMore());
        layout.add(header, new Paragraph(getTranslation("budget.campaigns.intro")));
        if (campaigns.count() == 0) {
            layout.add(new Paragraph(getTranslation("budget.campaigns.none")));
        }
        layout.add(list, more);
        loadMore();
    }

    private void loadMore() {
        List<CampaignCard> page = campaigns.list(loaded, PAGE);
        page.forEach(card -> list.add(card(card)));
        loaded += page.size();
        more.setVisible(page.size() == PAGE);
    }

    private Article card(CampaignCard campaign) {
        Article card = new Article();
        card.addClassName("idea-card");
        Div body = new Div();
        body.addClassName("idea-card-body");
        H2 title = new H2();
        title.addClassName("idea-card-title");
        title.getElement().setAttribute("lang", campaign.lang());
        title.add(new Anchor(ContentKey.budgetCampaign(campaign.id()).path(), campaign.title()));
        Div tags = new Div(BudgetTexts.phaseBadge(this, campaign.phase()));
        tags.addClassName("idea-tags");
        if (!campaign.published()) {
            tags.add(BudgetTexts.tag(getTranslation("budget.campaign.draft")));
        }
        Paragraph facts = new Paragraph(getTranslation("budget.campaign.card", BudgetTexts.euros(this, campaign.totalCents()),
                BudgetTexts.day(this, campaign.voteFrom()), BudgetTexts.day(this, campaign.voteUntil())));
        facts.addClassName("idea-card-excerpt");
        body.add(title, tags, facts);
        card.add(body);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("budget.campaigns.title") + " · " + getTranslation("app.name");
    }
}
