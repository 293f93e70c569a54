package org.ruralstat.job;

import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The durable RabbitMQ queue that carries partitions from the manager to the workers: a message names a step and a
 * step execution of the shared job repository, nothing else (no file name, no value of a return). A worker takes one
 * message at a time and acknowledges it once the partition's step has ended, so the broker hands the partition of a
 * worker that died to another one.
 */
final class PartitionQueue implements AutoCloseable {

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final String queue;

    PartitionQueue(RuralstatProperties.Workers workers) {
        this.connections = new CachingConnectionFactory(URI.create(workers.broker()));
        this.connections.setConnectionNameStrategy(factory -> "ruralstat-" + ProcessHandle.current().pid());
        this.queue = workers.queue();
        this.template = new RabbitTemplate(connections);
    }

    /** Declares the queue (durable, kept across broker restarts) if it is not there yet. */
    void declare() {
        new RabbitAdmin(connections).declareQueue(new Queue(queue, true, false, false));
    }

    String name() {
        return queue;
    }

    /** Sends one partition's request as a persistent message. */
    void send(StepExecutionRequest request) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        byte[] body = (request.getStepExecutionId() + " " + request.getStepName()).getBytes(StandardCharsets.UTF_8);
        template.send("", queue, new Message(body, properties));
    }

    /**
     * Starts taking requests, {@code consumers} at a time, each handed to {@code handler} on a consumer's thread and
     * acknowledged when it returns. A message that is not a request is dropped; one whose handling throws (the job
     * repository out of reach, say) goes back to the queue for this worker or another.
     */
    SimpleMessageListenerContainer listen(int consumers, Consumer<StepExecutionRequest> handler) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(queue);
        container.setConcurrentConsumers(consumers);
        container.setPrefetchCount(1);
        container.setMessageListener(message -> handler.accept(request(message)));
        container.afterPropertiesSet();
        container.start();
        return container;
    }

    static StepExecutionRequest request(Message message) {
        String text = new String(message.getBody(), StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        if (space <= 0 || !text.substring(0, space).matches("[0-9]{1,18}")) {
            throw new AmqpRejectAndDontRequeueException("not a partition request: " + text.length() + " characters");
        }
        return new StepExecutionRequest(text.substring(space + 1), Long.parseLong(text.substring(0, space)));
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
