# The rules against the published 2013 marks, twice: on the reconstructed
# examples and on tests/fidelity/independent-2013.tsv (answers encoded
# from the published findings alone). The exact scores are asserted, so
# any change of the rules or their calibration in the framework shows.
sh tests/fidelity/fidelity.sh "$STJ" "$T/fidelity"
