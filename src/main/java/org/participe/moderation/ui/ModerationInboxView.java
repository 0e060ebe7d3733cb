package org.participe.moderation.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.participe.accounts.AccountName;
import org.participe.accounts.AccountService;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKind;
import org.participe.base.ui.Confirm;
import org.participe.base.ui.FormErrors;
import org.participe.base.ui.PlainText;
import org.participe.base.ui.QueryParams;
import org.participe.base.validation.InvalidInputException;
import org.participe.moderation.ActionResult;
import org.participe.moderation.AuthorRecord;
import org.participe.moderation.FlagView;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.InboxAction;
import org.participe.moderation.InboxItem;
import org.participe.moderation.InboxTab;
import org.participe.moderation.ItemVersion;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.Roles;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The officials' moderation inbox: one list per tab across every kind of content, oldest first,
 * loaded lazily. Officials select items and act on them together, or open one to see its flags and
 * its author's history. The tab and the kind of content live in the URL.
 */
@Route("moderation")
@RolesAllowed(Roles.OFFICIAL)
@Menu(title = "menu.moderation", order = 50, icon = "vaadin:gavel")
public class ModerationInboxView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final ModerationService moderation;
    private final FollowUpService followUp;
    private final AccountService accounts;
    /** The tabs are links: each is a URL that can be shared, and Back returns to the previous one. */
    private final Nav tabs = new Nav();
    private final Map<InboxTab, Anchor> tabByKind = new EnumMap<>(InboxTab.class);
    private final Select<String> kind = new Select<>();
    private final Grid<InboxItem> grid = new Grid<>();
    private final Div toolbar = new Div();
    private final Span selection = new Span();
    private final DateTimeFormatter dates;
    private InboxTab tab = InboxTab.FLAGGED;
    private ContentKind shownKind;

    public ModerationInboxView(ModerationService moderation, FollowUpService followUp, AccountService accounts) {
        this.moderation = moderation;
        this.followUp = followUp;
        this.accounts = accounts;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(TownZone.zone());
        VerticalLayout layout = getContent();
        layout.addClassName("moderation-page");
        layout.setSizeFull();

        for (InboxTab each : InboxTab.values()) {
            Anchor item = new Anchor();
            item.setId("tab-" + each.name().toLowerCase().replace('_', '-'));
            item.addClassName("inbox-tab");
            tabByKind.put(each, item);
            tabs.add(item);
        }
        tabs.addClassName("inbox-tabs");
        tabs.getElement().setAttribute("aria-label", getTranslation("moderation.tabs"));

        kind.setLabel(getTranslation("moderation.kind"));
        kind.setItems(Stream.concat(Stream.of(""), moderation.kinds().stream().map(ContentKind::name)).toList());
        kind.setItemLabelGenerator(value -> getTranslation(value.isEmpty() ? "moderation.kind.all" : "moderation.kind." + value));
        kind.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                navigate(tab, change.getValue().isEmpty() ? null : change.getValue());
            }
        });

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(this::card).setHeader(getTranslation("moderation.column.item")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setWidthFull();
        grid.setHeight("75vh");
        grid.setMinHeight("24rem");
        grid.setEmptyStateText(getTranslation("moderation.empty"));
        grid.asMultiSelect().addSelectionListener(change -> updateToolbar());
        grid.getElement().setAttribute("aria-label", getTranslation("moderation.title"));

        toolbar.addClassName("moderation-toolbar");
        selection.getElement().setAttribute("aria-live", "polite");
        Anchor audit = new Anchor("moderation/audit", getTranslation("moderation.audit.link"));
        Anchor templates = new Anchor("moderation/templates", getTranslation("moderation.templates.link"));
        Div links = new Div(audit, templates);
        links.addClassName("moderation-links");
        layout.add(new H1(getTranslation("moderation.title")), links, tabs, kind, toolbar, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams params = QueryParams.of(event.getLocation().getQueryParameters());
        tab = params.choice("tab", InboxTab.class).orElse(InboxTab.FLAGGED);
        shownKind = params.text("type").flatMap(ContentKind::find).filter(moderation.kinds()::contains).orElse(null);
        kind.setValue(shownKind == null ? "" : shownKind.name());
        refresh();
    }

    private void navigate(InboxTab target, String kindFilter) {
        Map<String, String> query = new HashMap<>();
        query.put("tab", target.name());
        if (kindFilter != null) {
            query.put("type", kindFilter);
        }
        getUI().ifPresent(ui -> ui.navigate(ModerationInboxView.class, QueryParameters.simple(query)));
    }

    private void refresh() {
        Map<InboxTab, Long> counts = moderation.counts();
        tabByKind.forEach((each, item) -> {
            long count = counts.get(each);
            item.setText(getTranslation("moderation.tab." + each.name(),
                    count > ModerationService.COUNT_LIMIT ? ModerationService.COUNT_LIMIT + "+" : count));
            item.setHref("moderation?tab=" + each.name() + (shownKind == null ? "" : "&type=" + shownKind.name()));
            if (each == tab) {
                item.getElement().setAttribute("aria-current", "page");
            } else {
                item.getElement().removeAttribute("aria-current");
            }
        });
        grid.deselectAll();
        grid.setItems(query -> moderation.inbox(tab, shownKind, query.getOffset(), query.getLimit()).stream());
        updateToolbar();
    }

    // The list ----------------------------------------------------------------------------------

    private Component card(InboxItem item) {
        Div card = new Div();
        card.addClassName("inbox-item");
        Span kindTag = new Span(getTranslation("moderation.kind." + item.ref().kind().name()));
        kindTag.addClassName("idea-tag");
        Div head = new Div(kindTag);
        head.addClassName("inbox-head");
        if (item.title() != null) {
            Span title = new Span(item.title());
            title.addClassName("inbox-title");
            head.add(title);
        }
        card.add(head);
        Paragraph excerpt = new Paragraph(excerpt(item.text()));
        excerpt.addClassName("inbox-excerpt");
        card.add(excerpt);
        Span author = new Span(getTranslation("moderation.by", item.authorName()));
        Div meta = new Div(author, new Span(getTranslation("moderation.since." + sinceKey(item.tab()), item.since() == null ? "" : dates.format(item.since()))));
        meta.addClassName("inbox-meta");
        if (item.authorBlocked()) {
            meta.add(badge(getTranslation("moderation.author-blocked"), "badge-error"));
        }
        if (item.openFlags() > 0) {
            meta.add(badge(getTranslation("moderation.flags", item.openFlags(), reasons(item.flagReasons())), "badge-warning"));
        }
        if (item.hidden()) {
            meta.add(badge(getTranslation("moderation.hidden.reason", getTranslation("moderation.reason." + item.hiddenReason().name())), "badge-error"));
        }
        if (item.dueAt() != null && item.answeredAt() == null) {
            meta.add(badge(getTranslation(item.overdue() ? "moderation.overdue" : "moderation.due", dates.format(item.dueAt())),
                    item.overdue() ? "badge-error" : "badge-info"));
        }
        String assignee = item.assigneeService() != null ? item.assigneeService() : item.assigneeName();
        if (assignee != null) {
            meta.add(badge(getTranslation("moderation.assigned", assignee), "badge-info"));
        }
        card.add(meta);
        return card;
    }

    /** What the date a tab lists by means. */
    private static String sinceKey(InboxTab tab) {
        return switch (tab) {
            case PENDING -> "created";
            case FLAGGED -> "flagged";
            case AUTO_HIDDEN, HIDDEN -> "hidden";
            case AWAITING_ANSWER -> "waiting";
            case OVERDUE -> "due";
        };
    }

    private Component details(InboxItem item) {
        Div details = new Div();
        details.addClassName("inbox-details");
        Div text = new Div();
        text.addClassName("inbox-text");
        PlainText.paragraphs(item.text()).forEach(text::add);
        details.add(text);
        if (item.pagePath() != null) {
            details.add(new Paragraph(new Anchor(item.pagePath(), getTranslation("moderation.open-page"))));
        }
        if (item.hiddenNote() != null) {
            details.add(new Paragraph(getTranslation("moderation.hidden.note", item.hiddenNote())));
        }
        List<FlagView> flags = moderation.flags(item.ref());
        if (!flags.isEmpty()) {
            details.add(new H3(getTranslation("moderation.flags.title")));
            UnorderedList list = new UnorderedList();
            flags.forEach(flag -> list.add(new ListItem(dates.format(flag.createdAt()) + " · "
                    + getTranslation("moderation.reason." + flag.reason().name())
                    + (flag.note() == null ? "" : " — « " + flag.note() + " »")
                    + (flag.dismissed() ? " · " + getTranslation("moderation.flag.dismissed") : ""))));
            details.add(list);
        }
        AuthorRecord record = moderation.authorRecord(item.authorId());
        details.add(new H3(getTranslation("moderation.author.title", record.name())));
        details.add(new Paragraph(getTranslation("moderation.author.summary", record.flagsReceived(), record.itemsHidden())));
        if (record.blocked()) {
            details.add(new Paragraph(getTranslation("moderation.author.blocked", dates.format(record.blockedAt()), record.blockedReason())));
        }
        if (!record.recent().isEmpty()) {
            UnorderedList history = new UnorderedList();
            record.recent().forEach(entry -> history.add(new ListItem(dates.format(entry.occurredAt()) + " · "
                    + getTranslation("audit.action." + entry.action())
                    + (entry.reason() == null ? "" : " · " + ModerationControls.codeText(this, entry.reason()))
                    + (entry.actorName() == null ? "" : " · " + entry.actorName()))));
            details.add(history);
        }
        Div actions = new Div();
        actions.addClassName("inbox-actions");
        actionButtons(common(List.of(item)), () -> List.of(item)).forEach(actions::add);
        if (record.blocked()) {
            Button unblock = new Button(getTranslation("moderation.unblock"), e -> unblock(item.authorId(), record.name()));
            actions.add(unblock);
        }
        details.add(actions);
        return details;
    }

    // Actions -----------------------------------------------------------------------------------

    private void updateToolbar() {
        toolbar.removeAll();
        int selected = grid.getSelectedItems().size();
        selection.setText(getTranslation("moderation.selected", selected));
        toolbar.add(selection);
        if (selected > 0) {
            actionButtons(common(grid.getSelectedItems()), () -> List.copyOf(grid.getSelectedItems())).forEach(toolbar::add);
        }
    }

    /** A button for each action the service allows, applied to the items given when clicked. */
    private List<Button> actionButtons(Set<InboxAction> allowed, Supplier<List<InboxItem>> items) {
        List<Button> buttons = new ArrayList<>();
        for (InboxAction each : allowed) {
            buttons.add(switch (each) {
                case APPROVE -> action("moderation.approve", ButtonVariant.LUMO_PRIMARY, () -> report(moderation.approve(versions(items.get()))));
                case DISMISS_FLAGS -> action("moderation.dismiss", ButtonVariant.LUMO_CONTRAST,
                        () -> report(moderation.dismissFlags(versions(items.get()), null)));
                case RESTORE -> action("moderation.restore", ButtonVariant.LUMO_PRIMARY, () -> report(moderation.restore(versions(items.get()), null)));
                case HIDE, CONFIRM_HIDE -> action(each == InboxAction.CONFIRM_HIDE ? "moderation.confirm-hide" : "moderation.hide",
                        ButtonVariant.LUMO_ERROR, () -> {
                            List<ItemVersion> chosen = versions(items.get());
                            new ReasonDialog(getTranslation("moderation.hide.title"), getTranslation("moderation.hide.intro"),
                                    getTranslation("moderation.note.help"), getTranslation("moderation.hide"),
                                    ModerationService.NOTE_MAX, (reason, note) -> report(moderation.hide(chosen, reason, note))).open();
                        });
                case ASSIGN -> action("moderation.assign", ButtonVariant.LUMO_CONTRAST, () -> assign(versions(items.get())));
                case BLOCK_AUTHOR -> action("moderation.block", ButtonVariant.LUMO_ERROR, () -> block(items.get()));
            });
        }
        return buttons;
    }

    /** What may be done on every one of these items. */
    private static Set<InboxAction> common(Collection<InboxItem> items) {
        Set<InboxAction> common = EnumSet.allOf(InboxAction.class);
        items.forEach(item -> common.retainAll(item.actions()));
        return common;
    }

    private Button action(String key, ButtonVariant variant, Runnable run) {
        Button button = new Button(getTranslation(key), e -> {
            try {
                run.run();
            } catch (OptimisticLockingFailureException conflict) {
                FormErrors.error(getTranslation("moderation.conflict"));
                refresh();
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of());
            }
        });
        button.addThemeVariants(variant, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void report(ActionResult result) {
        if (result.conflicts().isEmpty()) {
            FormErrors.success(getTranslation("moderation.done", result.done()));
        } else {
            FormErrors.error(getTranslation("moderation.done-with-conflicts", result.done(), result.conflicts().size()));
        }
        refresh();
    }

    private static List<ItemVersion> versions(List<InboxItem> items) {
        return items.stream().map(item -> new ItemVersion(item.ref(), item.version())).toList();
    }

    private void block(List<InboxItem> items) {
        Map<Long, String> authors = items.stream().collect(Collectors.toMap(InboxItem::authorId, InboxItem::authorName, (a, b) -> a));
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("moderation.block.title"));
        TextArea reason = new TextArea(getTranslation("moderation.block.reason"));
        reason.setHelperText(getTranslation("moderation.block.reason.help"));
        reason.setMaxLength(AccountService.BLOCK_REASON_MAX);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("moderation.block"), e -> {
            reason.setInvalid(false);
            try {
                int blocked = moderation.blockAuthors(authors.keySet(), reason.getValue());
                dialog.close();
                FormErrors.success(getTranslation("moderation.blocked", blocked));
                refresh();
            } catch (InvalidInputException refusal) {
                FormErrors.show(dialog, refusal, Map.of("reason", reason));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(new Paragraph(getTranslation("moderation.block.intro", String.join(", ", authors.values()))), reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("min(32rem, 100vw)");
        dialog.open();
    }

    private void unblock(long authorId, String name) {
        Confirm.destructive(getTranslation("moderation.unblock.title", name), getTranslation("moderation.unblock.text"),
                getTranslation("moderation.unblock"), getTranslation("action.cancel"), () -> {
                    moderation.unblockAuthor(authorId, null);
                    FormErrors.success(getTranslation("moderation.unblocked", name));
                    refresh();
                });
    }

    private void assign(List<ItemVersion> items) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("moderation.assign.title"));
        ComboBox<AccountName> official = new ComboBox<>(getTranslation("moderation.assign.official"));
        official.setItems(accounts.officials());
        official.setItemLabelGenerator(AccountName::displayName);
        official.setClearButtonVisible(true);
        ComboBox<String> service = new ComboBox<>(getTranslation("moderation.assign.service"));
        service.setItems(followUp.knownServices());
        service.setAllowCustomValue(true);
        service.addCustomValueSetListener(custom -> service.setValue(custom.getDetail()));
        service.setHelperText(getTranslation("moderation.assign.service.help"));
        service.setClearButtonVisible(true);
        DatePicker due = new DatePicker(getTranslation("moderation.assign.due"));
        due.setMin(LocalDate.now(TownZone.zone()));
        due.setValue(LocalDate.now(TownZone.zone()).plusDays(30));
        Map<String, HasValidation> fields = Map.of("assignee", official, "service", service, "dueDate", due);
        Button confirm = new Button(getTranslation("moderation.assign"), e -> {
            FormErrors.clear(fields);
            try {
                ActionResult result = followUp.assign(items, official.getValue() == null ? null : official.getValue().id(),
                        service.getValue(), due.getValue());
                dialog.close();
                report(result);
            } catch (InvalidInputException refusal) {
                FormErrors.show(dialog, refusal, fields);
            } catch (OptimisticLockingFailureException conflict) {
                dialog.close();
                FormErrors.error(getTranslation("moderation.conflict"));
                refresh();
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(official, service, due);
        form.setPadding(false);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    // Helpers -----------------------------------------------------------------------------------

    private static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassNames("inbox-badge", variant);
        return badge;
    }

    private String reasons(Map<ModerationReason, Integer> reasons) {
        return reasons.entrySet().stream()
                .map(e -> getTranslation("moderation.reason." + e.getKey().name()) + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }

    private static String excerpt(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 220 ? flat : flat.substring(0, 219) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("moderation.title") + " · " + getTranslation("app.name");
    }
}
