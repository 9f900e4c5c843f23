"""Training and scoring kabar's statistical models: corpus readers (`corpora`), the recipes that
rebuild the shipped pipeline (`recipes`, configs in the repository's `training/`), scoring
(`evaluate`) and the `kabar train` / `kabar evaluate` commands (`cli`)."""
