namespace Docsfy.Api.Users;

public enum KeyReplacement { Replaced, UserNotFound, KeyInUse }

public enum UserCreation { Created, UsernameTaken, KeyInUse }

public enum UserDeletion { Deleted, NotFound, RunInProgress }
