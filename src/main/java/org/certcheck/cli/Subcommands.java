package org.certcheck.cli;

import java.util.Set;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * certcheck's subcommands, and when a command line needs them. Picocli builds the model of every
 * registered command by reflection before it parses anything: for the subcommands that was a third
 * of the start-up of a one-host check, which never reaches them.
 */
final class Subcommands {
    /** Every name a subcommand answers to (SubcommandsTest compares it with the registered ones). */
    static final Set<String> NAMES = Set.of("demo", "verify", "inventory", "merge", "help", "generate-completion");

    private Subcommands() {
    }

    /**
     * Whether parsing {@code args} could reach a subcommand or show the list of them: a word that is
     * a subcommand's name (picocli takes one wherever it stands, even where an option wants a value),
     * a request for help (also {@code -h} in a cluster such as {@code -vh}), or an {@code @file} whose
     * lines picocli reads as arguments. Erring towards yes only costs time.
     */
    static boolean neededBy(String... args) {
        for (String arg : args) {
            if (NAMES.contains(arg) || arg.equals("--help") || arg.startsWith("@")
                    || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0)) {
                return true;
            }
        }
        return false;
    }

    /** Registers every subcommand under {@code certcheck}, in the order {@code --help} lists them. */
    static void addTo(CommandLine certcheck) {
        certcheck.addSubcommand(DemoCommand.class);
        certcheck.addSubcommand(VerifyCommand.class);
        certcheck.addSubcommand(InventoryCommand.class);
        certcheck.addSubcommand(MergeCommand.class);
        // 'certcheck help' and 'certcheck help verify', as git and many other tools take them.
        certcheck.addSubcommand("help", new CommandLine.HelpCommand());
        // 'source <(certcheck generate-completion)': picocli's own bash/zsh script, not listed in --help.
        certcheck.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        certcheck.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
    }
}
