package io.passerelle.connection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class CredentialCipherConfiguration {

    @Bean
    CredentialCipher credentialCipher(Environment environment) {
        return new CredentialCipher(new SecretKeyLoader(environment).load());
    }
}
