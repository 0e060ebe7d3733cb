package org.participe.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.participe.base.validation.InvalidInputException.FieldError;
import org.participe.base.validation.TypedText;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Which passwords we accept: 12 to 128 characters, no control character or half surrogate pair,
 * not built on the person's e-mail or name, and hard enough to guess according to nbvcxz (zxcvbn's
 * estimator, with its shipped dictionaries of common passwords, words and names), fed with the
 * person's own details and the site's words.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    static final double MINIMUM_ENTROPY_BITS = 40;
    private static final List<String> SITE_WORDS = List.of("participe", "participation", "citoyen", "citoyenne",
            "villeparisis", "mairie", "ville", "motdepasse", "password");

    /** Empty when the password is acceptable; otherwise the reason, as a translation key. */
    public Optional<FieldError> check(String password, String email, String displayName, Locale locale) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new FieldError("password.too-short", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new FieldError("password.too-long", MAX_LENGTH));
        }
        // half a surrogate pair cannot be encoded for hashing (an exception, not a message) and no keyboard types a control character
        if (TypedText.problem(password).filter(TypedText.CHARACTERS::equals).isPresent()) {
            return Optional.of(new FieldError(TypedText.CHARACTERS));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        List<String> personal = personalWords(email, displayName);
        for (String word : personal) {
            if (word.length() >= 4 && lower.contains(word)) {
                return Optional.of(new FieldError("password.personal"));
            }
        }
        Result result = estimator(personal, locale).estimate(password);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback().getWarning();
            return Optional.of(StringUtils.hasText(warning)
                    ? new FieldError("password.weak-because", warning)
                    : new FieldError("password.weak"));
        }
        return Optional.empty();
    }

    private static Nbvcxz estimator(List<String> personal, Locale locale) {
        Dictionary context = new DictionaryBuilder()
                .setDictionaryName("participe-context")
                .setExclusion(true)
                .addWords(concat(personal, SITE_WORDS), 0)
                .createDictionary();
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(context);
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY_BITS)
                .setLocale(locale)
                .createConfiguration());
    }

    private static List<String> personalWords(String email, String displayName) {
        List<String> words = new ArrayList<>();
        if (StringUtils.hasText(email)) {
            String address = email.toLowerCase(Locale.ROOT).strip();
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            words.add(local);
            for (String part : local.split("[^\\p{L}\\p{N}]+")) {
                words.add(part);
            }
        }
        if (StringUtils.hasText(displayName)) {
            String name = displayName.toLowerCase(Locale.ROOT).strip();
            words.add(name.replaceAll("\\s+", ""));
            for (String part : name.split("[^\\p{L}\\p{N}]+")) {
                words.add(part);
            }
        }
        // a word longer than the longest password cannot be in it; such a word (a 10 MB name typed
        // on the sign-up form, refused afterwards) would otherwise cost minutes to build the dictionary
        return words.stream().filter(StringUtils::hasText).filter(word -> word.length() <= MAX_LENGTH).distinct().toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
