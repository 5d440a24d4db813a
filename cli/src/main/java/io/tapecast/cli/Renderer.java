package io.tapecast.cli;

/** Turns a stream's messages into output. */
interface Renderer {

    /** One message, in stream order. */
    void render(StreamClient.Frame frame);

    /** After the last message: a summary, or why the stream ended. */
    void finish(StreamClient.Result result);
}
