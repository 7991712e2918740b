public enum MustacheEngine {}
