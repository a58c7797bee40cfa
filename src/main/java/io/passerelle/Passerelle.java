package io.passerelle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Passerelle {

    public static void main(String[] args) {
        SpringApplication.run(Passerelle.class, args);
    }
}
