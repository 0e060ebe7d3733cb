package org.participe.base.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.participe.base.DisplayNamed;
import org.participe.base.MenuBadge;
import org.participe.base.NotificationBell;
import org.participe.base.database.DatabaseUnavailable;
import org.participe.base.TownBranding;
import org.participe.base.i18n.SupportedLocales;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The frame of every page: a skip link, the town's name and logo, navigation built from the views'
 * {@code @Menu} annotations (only those the person may open), the language switch and the
 * person's menu. The page content sits in a {@code <main>} landmark that the skip link targets.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String CONTENT_ID = "main-content";
    static final String ANNOUNCER_ID = "page-announcer";
    private static final String NAVIGATED = "participe.navigated";

    /**
     * Moves focus to the main heading of the page (made focusable), or to {@code <main>} when the
     * page has none. Shared by the skip link and by the focus move after a navigation.
     */
    private static final String FOCUS_MAIN_HEADING = """
            const main = document.getElementById('%s');
            if (main) {
              const heading = main.querySelector('h1');
              const target = heading || main;
              if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
              target.focus({ preventScroll: true });
              target.scrollIntoView({ block: 'nearest' });
            }""".formatted(CONTENT_ID);

    private final TownBranding.Branding branding;
    private final AuthenticationContext authentication;
    private final LocaleSetup localeSetup;
    private final NotificationBell bell;
    private final Span bellCount = new Span();
    private final Div bellSlot = new Div();
    private final Div userSlot = new Div();
    private Anchor bellLink;
    private UserMenu userMenu;
    private Object renderedFor;
    private Registration bellSubscription;
    private final SideNav navigation = new SideNav();
    private final List<MenuBadge> badges;
    /** What the side menu was last drawn for (language, then each entry), and the number of each entry with a badge. */
    private List<String> navigationDrawnFor = List.of();
    private final Map<String, Span> badgeNumbers = new HashMap<>();
    private final Main main = new Main();
    private final Div notice = new Div();
    private final Div pageAnnouncer = new Div();

    public MainLayout(TownBranding town, AuthenticationContext authentication, LocaleSetup localeSetup, NotificationBell bell,
                      List<MenuBadge> badges) {
        this.branding = town.branding();
        this.badges = badges;
        this.authentication = authentication;
        this.localeSetup = localeSetup;
        this.bell = bell;
        setPrimarySection(Section.NAVBAR);

        main.setId(CONTENT_ID);
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("page-content");
        notice.addClassName("account-notice");
        notice.setVisible(false);

        bellSlot.addClassName("bell-slot");
        userSlot.addClassName("user-area");
        renderSignedInParts();
        pageAnnouncer.addClassName("visually-hidden");
        pageAnnouncer.getElement().setAttribute("aria-live", "polite");
        pageAnnouncer.getElement().setAttribute("aria-atomic", "true");
        pageAnnouncer.setId(ANNOUNCER_ID);
        // One <header> (the banner landmark) holds the whole bar, so that a screen reader's landmark list
        // finds the town's name, the bell and the account menu instead of leaving them outside any region.
        Header banner = new Header(skipLink(), drawerToggle(), brand(), spacer(), languageSwitch(), bellSlot, userSlot, pageAnnouncer);
        banner.addClassName("site-header");
        addToNavbar(banner);
        navigation.addClassName("main-navigation");
        Nav nav = new Nav(navigation);
        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        addToDrawer(nav);
        if (authentication.getAuthenticatedUser(UserDetails.class).isEmpty()) {
            Nav account = new Nav(new Anchor("login", getTranslation("layout.login")), new Anchor("signup", getTranslation("layout.signup")));
            account.getElement().setAttribute("aria-label", getTranslation("layout.account-links"));
            account.addClassName("drawer-account");
            addToDrawer(account);
        }
        Nav legal = new Nav(new Anchor("terms", getTranslation("layout.legal.terms")), new Anchor("privacy", getTranslation("layout.legal.privacy")));
        legal.getElement().setAttribute("aria-label", getTranslation("layout.legal"));
        legal.addClassName("drawer-legal");
        addToDrawer(legal);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getElement().getStyle().set("--participe-primary", branding.mainColour());
        subscribeBell(event.getUI());
    }

    private void subscribeBell(UI ui) {
        if (bellSubscription != null) {
            bellSubscription.remove();
            bellSubscription = null;
        }
        if (bellLink != null) {
            bellSubscription = bell.subscribe(ui, this::updateBell);
        }
    }

    /** The bell and the person's menu depend on who is signed in; they are redrawn when that changes. */
    private void renderSignedInParts() {
        renderedFor = authentication.getAuthenticatedUser(UserDetails.class).map(Object.class::cast).orElse(null);
        bellSlot.removeAll();
        bellLink = null;
        bellSlot.add(bellArea());
        userSlot.removeAll();
        userSlot.add(userArea());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (bellSubscription != null) {
            bellSubscription.remove();
            bellSubscription = null;
        }
    }

    /** The notifications bell with the unread count, for signed-in people; it updates live. */
    private Component bellArea() {
        Div area = new Div();
        if (authentication.getAuthenticatedUser(UserDetails.class).isEmpty()) {
            return area;
        }
        bellLink = new Anchor("notifications", "");
        bellLink.addClassName("bell");
        bellCount.addClassName("bell-count");
        bellLink.add(new Icon(VaadinIcon.BELL), bellCount);
        area.add(bellLink);
        updateBell();
        return area;
    }

    private void updateBell() {
        long unread = DatabaseUnavailable.orElse(bell::unreadCount, 0L);
        bellCount.setText(unread > 99 ? "99+" : String.valueOf(unread));
        bellCount.setVisible(unread > 0);
        bellLink.getElement().setAttribute("aria-label", getTranslation("layout.notifications", unread));
        bellLink.getElement().setAttribute("title", getTranslation("layout.notifications", unread));
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        main.add(notice);
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
        setContent(main);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Object signedIn = authentication.getAuthenticatedUser(UserDetails.class).map(Object.class::cast).orElse(null);
        if (!Objects.equals(signedIn, renderedFor)) {
            renderSignedInParts();
            getUI().ifPresent(this::subscribeBell);
        }
        buildNavigation();
        showUnconfirmedNotice();
        if (userMenu != null) {
            userMenu.close();
        }
        moveFocusAfterNavigation();
        getUI().ifPresent(BuiltInTexts::applyTo);
        if (bellLink != null) {
            DatabaseUnavailable.orSkip(() -> bell.pageVisited(event.getLocation().getPath()));
            updateBell();
        }
    }

    /**
     * After every navigation but the first page load (where the skip link serves), focus moves to
     * the new page's heading, so that the next Tab continues in the page and not at the top, and
     * the new page's heading is announced politely (document.title is not updated yet at that point). Done once here rather than in every view.
     */
    private void moveFocusAfterNavigation() {
        getUI().ifPresent(ui -> {
            if (ComponentUtil.getData(ui, NAVIGATED) == null) {
                ComponentUtil.setData(ui, NAVIGATED, Boolean.TRUE);
                return;
            }
            // Deferred to the next frame: the new view and the page title are in the DOM by then.
            ui.getPage().executeJs("""
                    requestAnimationFrame(() => {
                      %s
                      const announcer = document.getElementById($0);
                      const heading = document.querySelector('#%s h1');
                      if (announcer) {
                        announcer.textContent = '';
                        setTimeout(() => announcer.textContent = heading ? heading.textContent : document.title, 100);
                      }
                    });""".formatted(FOCUS_MAIN_HEADING, CONTENT_ID), ANNOUNCER_ID);
        });
    }

    /**
     * The skip link moves focus itself: a plain {@code href="#main-content"} resolves against the
     * page's {@code <base href>} and would open the home page from any other page.
     */
    private Component skipLink() {
        Anchor skip = new Anchor("#" + CONTENT_ID, getTranslation("layout.skip-to-content"));
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("this.addEventListener('click', event => { event.preventDefault(); " + FOCUS_MAIN_HEADING + " });");
        return skip;
    }

    private Component drawerToggle() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("builtin.drawer-toggle"));
        return toggle;
    }

    private Component brand() {
        Anchor home = new Anchor(".", "");
        home.addClassName("brand");
        String logo = branding.logoUrl();
        if (logo != null) {
            Image image = new Image(logo, "");
            image.addClassName("brand-logo");
            home.add(image);
        }
        Span name = new Span(branding.townName());
        name.addClassName("brand-name");
        home.add(name);
        home.getElement().setAttribute("aria-label", getTranslation("layout.home-of", branding.townName()));
        return home;
    }

    private static Component spacer() {
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        return spacer;
    }

    private Component languageSwitch() {
        Locale other = "en".equals(getLocale().getLanguage()) ? SupportedLocales.FRENCH : SupportedLocales.ENGLISH;
        Button button = new Button(other.getLanguage().toUpperCase(Locale.ROOT));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.addClassName("language-switch");
        button.getElement().setAttribute("lang", other.getLanguage());
        // The accessible name starts with the visible text (WCAG 2.5.3), then says what it does.
        button.getElement().setAttribute("aria-label", other.getLanguage().toUpperCase(Locale.ROOT) + " — "
                + getTranslation("layout.switch-language." + other.getLanguage()));
        button.getElement().setAttribute("title", getTranslation("layout.switch-language." + other.getLanguage()));
        button.addClickListener(click -> click.getSource().getUI().ifPresent(ui -> localeSetup.switchTo(ui, other)));
        return button;
    }

    private Component userArea() {
        Div area = new Div();
        area.addClassName("user-area-content");
        authentication.getAuthenticatedUser(UserDetails.class).ifPresentOrElse(user -> {
            userMenu = new UserMenu(displayName(user), authentication::logout);
            area.add(userMenu);
        }, () -> {
            userMenu = null;
            Anchor login = new Anchor("login", getTranslation("layout.login"));
            login.addClassName("navbar-link");
            Anchor signup = new Anchor("signup", getTranslation("layout.signup"));
            signup.addClassNames("navbar-link", "navbar-link-primary");
            area.add(login, signup);
        });
        return area;
    }

    private static String displayName(UserDetails user) {
        return user instanceof DisplayNamed named ? named.displayName() : user.getUsername();
    }

    /**
     * The side menu is drawn again only when its entries change (signing in or out, rights or language
     * changed): on the other navigations only the badges' numbers are updated. Drawing it cost about a
     * sixth of an idea page's server CPU (a profile of 1,300 page drawings).
     */
    private void buildNavigation() {
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        List<String> drawnFor = new ArrayList<>();
        drawnFor.add(getLocale().toLanguageTag());
        entries.forEach(entry -> drawnFor.add(entry.path() + " " + entry.title()));
        if (!drawnFor.equals(navigationDrawnFor)) {
            navigation.removeAll();
            badgeNumbers.clear();
            for (MenuEntry entry : entries) {
                SideNavItem item = new WrappingNavItem(getTranslation(entry.title()), entry.path());
                if (entry.icon() != null) {
                    item.setPrefixComponent(new Icon(entry.icon()));
                }
                String path = entry.path().replaceFirst("^/", "");
                if (badges.stream().anyMatch(badge -> badge.path().equals(path))) {
                    Span number = new Span();
                    number.addClassName("nav-badge");
                    item.setSuffixComponent(number);
                    badgeNumbers.put(path, number);
                }
                navigation.addItem(item);
            }
            navigationDrawnFor = drawnFor;
        }
        for (MenuBadge badge : badges) {
            Span number = badgeNumbers.get(badge.path());
            if (number != null) {
                long count = DatabaseUnavailable.orElse(badge::count, 0L);
                number.setText(String.valueOf(count));
                number.getElement().setAttribute("aria-label", getTranslation("layout.badge", count));
                number.setVisible(count > 0);
            }
        }
    }

    /**
     * A menu entry whose label wraps onto a second line instead of ending in "…" ("La participation
     * en chif…" in the 256 px drawer). Lumo keeps the item's own label on one line inside its shadow
     * root, out of reach of the page's styles; a label element of our own, in the same slot, is
     * styled by app.css ({@code .nav-label}).
     */
    static final class WrappingNavItem extends SideNavItem {

        private final String label;

        WrappingNavItem(String label, String path) {
            super(null, path);
            this.label = label;
            Span text = new Span(label);
            text.addClassName("nav-label");
            getElement().appendChild(text.getElement());
        }

        @Override
        public String getLabel() {
            return label;
        }
    }

    private void showUnconfirmedNotice() {
        boolean unconfirmed = authentication.getAuthenticatedUser(UserDetails.class)
                .map(user -> user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_UNCONFIRMED"::equals))
                .orElse(false);
        boolean blocked = authentication.getAuthenticatedUser(UserDetails.class)
                .map(user -> user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_BLOCKED"::equals))
                .orElse(false);
        notice.removeAll();
        notice.setVisible(unconfirmed || blocked);
        notice.getElement().setAttribute("role", "status");
        if (unconfirmed) {
            notice.add(new Span(getTranslation("layout.unconfirmed") + " "), new Anchor("profile", getTranslation("layout.unconfirmed.link")));
        } else if (blocked) {
            notice.add(new Span(getTranslation("layout.blocked") + " "), new Anchor("notifications", getTranslation("layout.blocked.link")));
        }
    }
}
