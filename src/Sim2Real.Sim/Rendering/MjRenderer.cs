using System.Runtime.InteropServices;
using Sim2Real.Core.Imaging;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Rendering;

/// <summary>
/// Renders RGB frames of one model from any of its cameras (or the free camera), rows top-down. Its MuJoCo scene
/// and GL context (mjvScene, mjrContext with its own framebuffer) live on the process's single render thread; many
/// renderers, one per environment, can be used from many threads at once and each gets its own frames. A
/// <see cref="Render(MjData, string?, Span{byte})"/> call blocks until the frame is read back, so the caller's data
/// is not stepped while the scene is built from it.
/// </summary>
public sealed unsafe class MjRenderer : IDisposable
{
    private const int FastSlices = 8;
    private const int FastStacks = 4;
    private readonly RenderThread _thread;
    private readonly MjModel _model;
    private void* _scene;
    private void* _context;
    private void* _option;
    private void* _camera;
    private byte* _pixels;
    private volatile bool _disposed;

    /// <summary>Makes a renderer for <paramref name="model"/>; the model must outlive it.</summary>
    /// <exception cref="RenderingException">No headless OpenGL, or MuJoCo could not make its GL context.</exception>
    public MjRenderer(MjModel model, RenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Options = (options ?? new RenderOptions()).Validate();
        _model = model;
        _thread = RenderThread.Shared;
        _thread.Invoke(Create);
    }

    public RenderOptions Options { get; }

    public int Width => Options.Width;

    public int Height => Options.Height;

    /// <summary>Bytes in one frame: width x height x 3.</summary>
    public int FrameBytes => Width * Height * 3;

    /// <summary>The backend rendering this process's frames.</summary>
    public static GlBackend Backend => RenderThread.Shared.Backend;

    /// <summary>Backend and GL renderer, e.g. "EGL 1.5 (llvmpipe (LLVM 15.0.6, 256 bits))".</summary>
    public static string BackendDescription => RenderThread.Shared.Description;

    /// <summary>Renders <paramref name="data"/> from the named camera (null: the free camera) into <paramref name="rgb"/>, rows top-down.</summary>
    /// <exception cref="MjNameNotFoundException">The model has no such camera.</exception>
    public void Render(MjData data, string? camera, Span<byte> rgb) =>
        Render(data, camera is null ? -1 : _model.CameraId(camera), rgb);

    /// <summary>Renders from camera <paramref name="cameraId"/> (-1: the free camera) into <paramref name="rgb"/>, rows top-down.</summary>
    public void Render(MjData data, int cameraId, Span<byte> rgb)
    {
        ArgumentNullException.ThrowIfNull(data);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _model.EnsureOwns(data);
        if (cameraId < -1 || cameraId >= _model.ncam)
        {
            throw new ArgumentOutOfRangeException(nameof(cameraId), cameraId, $"{_model.Source}: camera id must be -1 (free) or in [0, {_model.ncam})");
        }

        if (rgb.Length != FrameBytes)
        {
            throw new ArgumentException($"frame buffer must hold {Width}x{Height}x3 = {FrameBytes} bytes, got {rgb.Length}", nameof(rgb));
        }

        var model = _model.Pointer;
        var state = data.Pointer;
        fixed (byte* destination = rgb)
        {
            // The read-back and flip happen on the render thread too: the renderer's pixel buffer is then never
            // shared between two callers, and the caller's buffer stays pinned while it waits.
            var target = (IntPtr)destination;
            _thread.Invoke(() => Draw(model, state, cameraId, target));
        }
    }

    /// <summary>Renders a new frame from the named camera (null: the free camera).</summary>
    public Image Render(MjData data, string? camera = null)
    {
        var frame = Image.Blank(Width, Height, PixelFormat.Rgb);
        Render(data, camera, frame.Pixels);
        return frame;
    }

    public void Dispose()
    {
        // Marked and freed on the render thread, so a frame in flight there finishes before the buffers go.
        _thread.Invoke(() =>
        {
            if (!_disposed)
            {
                _disposed = true;
                Free();
            }
        });
    }

    private void Create()
    {
        var vis = _model.vis;
        var (width, height, samples) = (vis.global.offwidth, vis.global.offheight, vis.quality.offsamples);
        var (slices, stacks) = (vis.quality.numslices, vis.quality.numstacks);
        try
        {
            // mjr_makeContext sizes its offscreen buffer from the model: fast frames get exactly their size and no MSAA.
            var fast = Options.Quality == RenderQuality.Fast;
            vis.global.offwidth = fast ? Width : Math.Max(width, Width);
            vis.global.offheight = fast ? Height : Math.Max(height, Height);
            vis.quality.offsamples = fast ? 0 : Math.Max(samples, 4);
            if (fast)
            {
                // Round geoms are tessellated once, here. MuJoCo's default 28x16 makes vertex work (single-threaded
                // in llvmpipe) most of a small frame's cost; 8x4 renders the humanoid about 5x faster and differs
                // from it by under 1 grey level on average at 84x84.
                vis.quality.numslices = Math.Min(slices, FastSlices);
                vis.quality.numstacks = Math.Min(stacks, FastStacks);
            }

            _scene = NativeMemory.AllocZeroed(MjLayout.SizeOfScene);
            _context = NativeMemory.AllocZeroed(MjLayout.SizeOfContext);
            _option = NativeMemory.AllocZeroed(MjLayout.SizeOfVisOption);
            _camera = NativeMemory.AllocZeroed(MjLayout.SizeOfCamera);
            _pixels = (byte*)NativeMemory.Alloc((nuint)FrameBytes);
            MjNative.mjv_defaultScene(_scene);
            MjNative.mjr_defaultContext(_context);
            MjNative.mjv_defaultOption(_option);
            MjNative.mjv_defaultFreeCamera(_model.Pointer, _camera);
            Check(MjGuardNative.s2r_mjv_make_scene(_model.Pointer, _scene, Options.MaxGeoms), "mjv_makeScene");
            Check(MjGuardNative.s2r_mjr_make_context(_model.Pointer, _context, MjLayout.FontScale100), "mjr_makeContext");
            var flags = (byte*)_scene + MjLayout.SceneFlags;
            if (fast)
            {
                flags[(int)MjtRndFlag.mjRND_SHADOW] = 0;
                flags[(int)MjtRndFlag.mjRND_REFLECTION] = 0;
                flags[(int)MjtRndFlag.mjRND_SKYBOX] = 0;
            }

            var madeWidth = *(int*)((byte*)_context + MjLayout.ContextOffWidth);
            var madeHeight = *(int*)((byte*)_context + MjLayout.ContextOffHeight);
            if (madeWidth < Width || madeHeight < Height)
            {
                throw new RenderingException($"{_model.Source}: offscreen buffer is {madeWidth}x{madeHeight}, smaller than the {Width}x{Height} frames asked for");
            }
        }
        catch
        {
            Free();
            throw;
        }
        finally
        {
            vis.global.offwidth = width;
            vis.global.offheight = height;
            vis.quality.offsamples = samples;
            vis.quality.numslices = slices;
            vis.quality.numstacks = stacks;
        }
    }

    private void Draw(IntPtr model, IntPtr data, int cameraId, IntPtr destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var camera = (byte*)_camera;
        if (cameraId >= 0)
        {
            *(int*)(camera + MjLayout.CameraType) = (int)MjtCamera.mjCAMERA_FIXED;
            *(int*)(camera + MjLayout.CameraFixedCamId) = cameraId;
        }
        else
        {
            MjNative.mjv_defaultFreeCamera(model, _camera);
        }

        Check(MjGuardNative.s2r_mj_render_rgb(model, data, _option, _camera, _scene, _context, Width, Height, _pixels), "render");

        // OpenGL reads rows bottom-up; frames are stored top-down.
        var stride = Width * 3;
        var source = new ReadOnlySpan<byte>(_pixels, FrameBytes);
        var target = new Span<byte>((void*)destination, FrameBytes);
        for (var row = 0; row < Height; row++)
        {
            source.Slice((Height - 1 - row) * stride, stride).CopyTo(target.Slice(row * stride, stride));
        }
    }

    private void Check(int status, string call)
    {
        if (status != 0)
        {
            var message = Marshal.PtrToStringUTF8((IntPtr)MjGuardNative.s2r_mj_last_error()) ?? "(no message)";
            throw new RenderingException($"{_model.Source}: {call} failed: {message}");
        }
    }

    private void Free()
    {
        if (_context != null)
        {
            MjNative.mjr_freeContext(_context);
            NativeMemory.Free(_context);
            _context = null;
        }

        if (_scene != null)
        {
            MjNative.mjv_freeScene(_scene);
            NativeMemory.Free(_scene);
            _scene = null;
        }

        NativeMemory.Free(_option);
        NativeMemory.Free(_camera);
        NativeMemory.Free(_pixels);
        _option = null;
        _camera = null;
        _pixels = null;
    }
}
