using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;

namespace Sim2Real.Learning.Replay;

/// <summary>
/// Two memory-mapped, sparse files: one frame per step (<c>frames.bin</c>) and one fixed-size record per step
/// (<c>steps.bin</c>: step index, episode start, reward, discount, action). Only written pages take memory or
/// disk, so a 1,000,000-step buffer of 84x84 frames (21 GB of address space) costs what has been written.
/// </summary>
internal sealed unsafe class ReplayStorage<T> : IDisposable
    where T : unmanaged
{
    public const string FramesFile = "frames.bin";
    public const string StepsFile = "steps.bin";
    public const string LockFile = "replay.lock";

    // Record layout: long index + 1 (0 while empty or being written, so a fresh sparse file needs no
    // initialisation), long episode start, float reward, float discount, float action[ActionDim].
    private const int IndexOffset = 0;
    private const int EpisodeStartOffset = 8;
    private const int RewardOffset = 16;
    private const int DiscountOffset = 20;
    private const int ActionOffset = 24;

    private readonly FileStream _lock;
    private readonly Mapping _frames;
    private readonly Mapping _steps;
    private readonly int _capacity;
    private readonly int _frameLength;
    private readonly int _actionDim;
    private readonly int _recordBytes;

    private ReplayStorage(string directory, int capacity, int frameLength, int actionDim, bool create)
    {
        _capacity = capacity;
        _frameLength = frameLength;
        _actionDim = actionDim;
        _recordBytes = (ActionOffset + (4 * actionDim) + 7) / 8 * 8;
        _lock = Lock(directory);
        try
        {
            _frames = new Mapping(Path.Combine(directory, FramesFile), (long)capacity * frameLength * sizeof(T), create);
            try
            {
                _steps = new Mapping(Path.Combine(directory, StepsFile), (long)capacity * _recordBytes, create);
            }
            catch
            {
                _frames.Dispose();
                throw;
            }
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public string FramesPath => _frames.Path;

    public static ReplayStorage<T> Create(string directory, int capacity, int frameLength, int actionDim)
        => new(directory, capacity, frameLength, actionDim, create: true);

    public static ReplayStorage<T> Open(string directory, int capacity, int frameLength, int actionDim)
        => new(directory, capacity, frameLength, actionDim, create: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long IndexAt(long step) => Volatile.Read(ref *(long*)(Record(Slot(step)) + IndexOffset)) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long EpisodeStartAt(long step) => *(long*)(Record(Slot(step)) + EpisodeStartOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float RewardAt(long step) => *(float*)(Record(Slot(step)) + RewardOffset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float DiscountAt(long step) => *(float*)(Record(Slot(step)) + DiscountOffset);

    public ReadOnlySpan<float> ActionAt(long step) => new(Record(Slot(step)) + ActionOffset, _actionDim);

    public ReadOnlySpan<T> FrameAt(long step) => new((T*)_frames.Pointer + ((long)Slot(step) * _frameLength), _frameLength);

    /// <summary>
    /// Writes one step as a seqlock: the slot is marked empty before its contents change and gets its step
    /// index only after, so a reader that sees the same index before and after copying copied a whole step,
    /// and a crash mid-write leaves a slot that no reader will use.
    /// </summary>
    public void Write(long step, long episodeStart, ReadOnlySpan<float> action, float reward, float discount, ReadOnlySpan<T> frame)
    {
        var record = Record(Slot(step));
        Volatile.Write(ref *(long*)(record + IndexOffset), 0);
        Interlocked.MemoryBarrier();
        frame.CopyTo(new Span<T>((T*)_frames.Pointer + ((long)Slot(step) * _frameLength), _frameLength));
        *(long*)(record + EpisodeStartOffset) = episodeStart;
        *(float*)(record + RewardOffset) = reward;
        *(float*)(record + DiscountOffset) = discount;
        action.CopyTo(new Span<float>(record + ActionOffset, _actionDim));
        Volatile.Write(ref *(long*)(record + IndexOffset), step + 1);
    }

    /// <summary>Writes dirty pages back to the files, so a saved replay position matches what is on disk.</summary>
    public void Flush()
    {
        _frames.Flush();
        _steps.Flush();
    }

    public void Dispose()
    {
        _frames.Dispose();
        _steps.Dispose();
        _lock.Dispose();
    }

    /// <summary>Two buffers writing one folder would corrupt each other; an exclusive lock file makes the second fail.</summary>
    private static FileStream Lock(string directory)
    {
        var path = Path.Combine(directory, LockFile);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{directory}: replay storage is in use by another buffer ({LockFile} is locked)", e);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long step) => (int)(step % _capacity);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* Record(int slot) => _steps.Pointer + ((long)slot * _recordBytes);

    private sealed class Mapping : IDisposable
    {
        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;

        public Mapping(string path, long bytes, bool create)
        {
            Path = path;
            using (var stream = new FileStream(path, create ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
            {
                if (create)
                {
                    // ftruncate: the file is sparse, so untouched steps cost no disk.
                    stream.SetLength(bytes);
                }
                else if (stream.Length != bytes)
                {
                    throw new InvalidDataException($"{path}: {stream.Length} bytes, but the replay options need {bytes}; was it written with other options?");
                }
            }

            _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, bytes, MemoryMappedFileAccess.ReadWrite);
            _view = _file.CreateViewAccessor(0, bytes, MemoryMappedFileAccess.ReadWrite);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            Pointer = pointer + _view.PointerOffset;
        }

        public string Path { get; }

        public byte* Pointer { get; }

        public void Flush() => _view.Flush();

        public void Dispose()
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }
}
