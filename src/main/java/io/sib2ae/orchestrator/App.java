package io.sib2ae.orchestrator;

public final class App {
    public static void main(String[] args) throws Exception {
        System.out.println("boot");
    }
}
