package io.passerelle.erp.avantage;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AvantageNettyConfiguration {

    /**
     * All Avantage connections share one small event loop group: otherwise each connection's
     * producer would start its own threads, and hundreds of connections would mean thousands.
     */
    @Bean(destroyMethod = "shutdownGracefully")
    public EventLoopGroup avantageWorkerGroup() {
        return new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
