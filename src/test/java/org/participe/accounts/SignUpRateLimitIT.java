package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "participe.accounts.signups-per-address-per-hour=3")
class SignUpRateLimitIT {

    @Autowired AccountService accounts;
    @Autowired TestData data;

    @org.junit.jupiter.api.BeforeEach
    void activate() {
        data.ensureTown();
    }

    @Test
    void signUpsFromOneAddressAreLimitedPerHourWhileOtherAddressesGoOn() {
        for (int i = 0; i < 3; i++) {
            register("192.0.2.10");
        }
        assertThatThrownBy(() -> register("192.0.2.10")).isInstanceOf(TooManyRequestsException.class);
        register("192.0.2.11");
    }

    private void register(String address) {
        anonymously(() -> accounts.register(new Registration(TestData.uniqueEmail("burst"), "Burst Test", TestData.PASSWORD,
                null, null, null, true, Locale.FRENCH), address));
    }
}
