package org.participe.budget.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Euro amounts as the pages show them: cents shown only when there are any, in the reader's language. */
final class Money {

    private Money() {
    }

    static String euros(long cents, Locale locale) {
        return euros(BigDecimal.valueOf(cents, 2), locale);
    }

    static String euros(BigDecimal euros, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance("en".equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE);
        format.setCurrency(Currency.getInstance("EUR"));
        boolean whole = euros.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        return format.format(euros);
    }
}
